using Tau2Observe.Engine.Data.Schema;
using static Tau2Observe.Engine.Data.Schema.FieldType;

namespace Tau2Observe.Engine.Domains.Airline;

/// <summary>
/// The airline data model (tau2's pydantic models), fields in declaration order, which is the
/// order tool results print them in. Nested models drop unknown keys; the database root forbids them.
/// </summary>
public static class AirlineSchemas
{
    private static readonly FieldType Cabin = Literal("business", "economy", "basic_economy");

    public static readonly ModelSchema AirportCode = new ModelSchema("AirportCode")
        .Field("iata", Str).Field("city", Str);

    public static readonly ModelSchema Name = new ModelSchema("Name")
        .Field("first_name", Str).Field("last_name", Str);

    public static readonly ModelSchema Address = new ModelSchema("Address")
        .Field("address1", Str).Optional("address2", Optional(Str)).Field("city", Str)
        .Field("country", Str).Field("state", Str).Field("zip", Str);

    /// <summary>One payment towards a reservation (also a booking argument).</summary>
    public static readonly ModelSchema Payment = new ModelSchema("Payment")
        .Field("payment_id", Str).Field("amount", Int);

    public static readonly ModelSchema CreditCard = new ModelSchema("CreditCard")
        .Tag("source", "credit_card").Field("id", Str).Field("brand", Str).Field("last_four", Str);

    public static readonly ModelSchema GiftCard = new ModelSchema("GiftCard")
        .Tag("source", "gift_card").Field("id", Str).Field("amount", Float);

    public static readonly ModelSchema Certificate = new ModelSchema("Certificate")
        .Tag("source", "certificate").Field("id", Str).Field("amount", Float);

    public static readonly ModelSchema Passenger = new ModelSchema("Passenger")
        .Field("first_name", Str).Field("last_name", Str).Field("dob", Str);

    public static readonly ModelSchema FlightDateStatusAvailable = new ModelSchema("FlightDateStatusAvailable")
        .Tag("status", "available").Field("available_seats", DictOf(Int)).Field("prices", DictOf(Int));

    public static readonly ModelSchema FlightDateStatusOnTime = new ModelSchema("FlightDateStatusOnTime")
        .Tag("status", "on time").Field("estimated_departure_time_est", Str).Field("estimated_arrival_time_est", Str);

    public static readonly ModelSchema FlightDateStatusFlying = new ModelSchema("FlightDateStatusFlying")
        .Tag("status", "flying").Field("actual_departure_time_est", Str).Field("estimated_arrival_time_est", Str);

    public static readonly ModelSchema FlightDateStatusLanded = new ModelSchema("FlightDateStatusLanded")
        .Tag("status", "landed").Field("actual_departure_time_est", Str).Field("actual_arrival_time_est", Str);

    public static readonly ModelSchema FlightDateStatusCancelled = new ModelSchema("FlightDateStatusCancelled")
        .Tag("status", "cancelled");

    public static readonly ModelSchema FlightDateStatusDelayed = new ModelSchema("FlightDateStatusDelayed")
        .Tag("status", "delayed").Field("estimated_departure_time_est", Str).Field("estimated_arrival_time_est", Str);

    public static readonly ModelSchema Flight = new ModelSchema("Flight")
        .Field("flight_number", Str).Field("origin", Str).Field("destination", Str)
        .Field("scheduled_departure_time_est", Str).Field("scheduled_arrival_time_est", Str)
        .Field("dates", DictOf(TaggedUnion("status",
            FlightDateStatusAvailable, FlightDateStatusLanded, FlightDateStatusCancelled,
            FlightDateStatusDelayed, FlightDateStatusFlying, FlightDateStatusOnTime)));

    /// <summary>A search result: a flight with one date's seats and prices.</summary>
    public static readonly ModelSchema DirectFlight = new ModelSchema("DirectFlight")
        .Field("flight_number", Str).Field("origin", Str).Field("destination", Str)
        .Tag("status", "available")
        .Field("scheduled_departure_time_est", Str).Field("scheduled_arrival_time_est", Str)
        .Optional("date", Optional(Str))
        .Field("available_seats", DictOf(Int)).Field("prices", DictOf(Int));

    public static readonly ModelSchema ReservationFlight = new ModelSchema("ReservationFlight")
        .Field("flight_number", Str).Field("origin", Str).Field("destination", Str)
        .Field("date", Str).Field("price", Int);

    /// <summary>A flight segment as given to booking and change tools.</summary>
    public static readonly ModelSchema FlightInfo = new ModelSchema("FlightInfo")
        .Field("flight_number", Str).Field("date", Str);

    public static readonly ModelSchema User = new ModelSchema("User")
        .Field("user_id", Str).Field("name", Model(Name)).Field("address", Model(Address))
        .Field("email", Str).Field("dob", Str)
        .Field("payment_methods", DictOf(TaggedUnion("source", CreditCard, GiftCard, Certificate)))
        .Field("saved_passengers", ListOf(Model(Passenger)))
        .Field("membership", Literal("gold", "silver", "regular"))
        .Field("reservations", ListOf(Str));

    public static readonly ModelSchema Reservation = new ModelSchema("Reservation")
        .Field("reservation_id", Str).Field("user_id", Str).Field("origin", Str).Field("destination", Str)
        .Field("flight_type", Literal("round_trip", "one_way")).Field("cabin", Cabin)
        .Field("flights", ListOf(Model(ReservationFlight)))
        .Field("passengers", ListOf(Model(Passenger)))
        .Field("payment_history", ListOf(Model(Payment)))
        .Field("created_at", Str).Field("total_baggages", Int).Field("nonfree_baggages", Int)
        .Field("insurance", Literal("yes", "no"))
        .Optional("status", Optional(Literal("cancelled")));

    /// <summary>The database root.</summary>
    public static readonly ModelSchema FlightDb = new ModelSchema("FlightDB", forbidExtra: true)
        .Field("flights", DictOf(Model(Flight)))
        .Field("users", DictOf(Model(User)))
        .Field("reservations", DictOf(Model(Reservation)));
}
