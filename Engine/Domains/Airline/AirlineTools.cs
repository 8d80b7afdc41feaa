using Tau2Observe.Engine.Data.Schema;
using Tau2Observe.Engine.Domains.Calculator;
using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Values;
using static Tau2Observe.Engine.Domains.Airline.PythonBuiltins;
using static Tau2Observe.Engine.Domains.Airline.PythonOperators;

namespace Tau2Observe.Engine.Domains.Airline;

/// <summary>
/// tau2's airline toolkit over one FlightDB. Arguments arrive unvalidated, so every step applies
/// Python's semantics to whatever kind was sent (spec: domains-airline-retail-mock.md §2). There
/// is no rollback: a failure leaves earlier mutations of the same call in place.
/// Records are shared with the pristine database until a tool takes its own copy with <c>Own</c>.
/// </summary>
public sealed class AirlineTools : Toolkit
{
    /// <summary>The fixed "now" stamped on new reservations.</summary>
    public const string Now = "2024-05-15T15:00:00";

    private static readonly string[] NewReservationIds = ["HATHAT", "HATHAU", "HATHAV"];
    private static readonly string[] NewCertificateIds = ["certificate_3221322", "certificate_3221323", "certificate_3221324"];

    private static readonly (string Iata, string City)[] Airports =
    [
        ("SFO", "San Francisco"), ("JFK", "New York"), ("LAX", "Los Angeles"), ("ORD", "Chicago"),
        ("DFW", "Dallas"), ("DEN", "Denver"), ("SEA", "Seattle"), ("ATL", "Atlanta"), ("MIA", "Miami"),
        ("BOS", "Boston"), ("PHX", "Phoenix"), ("IAH", "Houston"), ("LAS", "Las Vegas"), ("MCO", "Orlando"),
        ("EWR", "Newark"), ("CLT", "Charlotte"), ("MSP", "Minneapolis"), ("DTW", "Detroit"),
        ("PHL", "Philadelphia"), ("LGA", "LaGuardia"),
    ];

    private static ToolParameter P(string name) => new(name);

    private static readonly ToolMethodTable Table = new ToolCatalog<AirlineTools>()
        .Tool("book_reservation", ToolType.Write, (t, a) => t.BookReservation(a),
            P("user_id"), P("origin"), P("destination"), P("flight_type"), P("cabin"), P("flights"),
            P("passengers"), P("payment_methods"), P("total_baggages"), P("nonfree_baggages"), P("insurance"))
        .Tool("calculate", ToolType.Generic, (_, a) => PythonCalculator.Calculate(a["expression"]), P("expression"))
        .Tool("cancel_reservation", ToolType.Write, (t, a) => t.CancelReservation(a["reservation_id"]), P("reservation_id"))
        .Tool("get_reservation_details", ToolType.Read, (t, a) => t.GetReservation(a["reservation_id"]), P("reservation_id"))
        .Tool("get_user_details", ToolType.Read, (t, a) => t.GetUser(a["user_id"]), P("user_id"))
        .Tool("list_all_airports", ToolType.Read, (_, _) => ListAllAirports())
        .Tool("search_direct_flight", ToolType.Read, (t, a) => t.SearchDirectFlight(a["date"], a["origin"], a["destination"], null),
            P("origin"), P("destination"), P("date"))
        .Tool("search_onestop_flight", ToolType.Read, (t, a) => t.SearchOnestopFlight(a["origin"], a["destination"], a["date"]),
            P("origin"), P("destination"), P("date"))
        .Tool("send_certificate", ToolType.Write, (t, a) => t.SendCertificate(a["user_id"], a["amount"]), P("user_id"), P("amount"))
        .Tool("transfer_to_human_agents", ToolType.Generic, (_, _) => "Transfer successful", P("summary"))
        .Tool("update_reservation_baggages", ToolType.Write, (t, a) => t.UpdateReservationBaggages(a),
            P("reservation_id"), P("total_baggages"), P("nonfree_baggages"), P("payment_id"))
        .Tool("update_reservation_flights", ToolType.Write, (t, a) => t.UpdateReservationFlights(a),
            P("reservation_id"), P("cabin"), P("flights"), P("payment_id"))
        .Tool("update_reservation_passengers", ToolType.Write, (t, a) => t.UpdateReservationPassengers(a["reservation_id"], a["passengers"]),
            P("reservation_id"), P("passengers"))
        .Tool("get_flight_status", ToolType.Read, (t, a) => t.GetFlightInstance(a["flight_number"], a["date"])["status"],
            P("flight_number"), P("date"))
        .Build();

    private PyRecord _db;

    /// <param name="pristine">The validated database; never mutated (tables are shallow-copied, records copied on write).</param>
    public AirlineTools(PyRecord pristine) => _db = ShallowCopyTables(pristine);

    public override string ClassName => "AirlineTools";
    public override ToolMethodTable Methods => Table;
    public override PyRecord Db => _db;

    public override void ReplaceDb(PyDict merged) => _db = AirlineSchemas.FlightDb.Validate(merged);

    private PyDict Flights => (PyDict)_db["flights"]!;
    private PyDict Users => (PyDict)_db["users"]!;
    private PyDict Reservations => (PyDict)_db["reservations"]!;

    // ---- lookups (tau2's _get_user / _get_reservation / _get_flight / _get_flight_instance)

    private PyRecord GetUser(object? userId) =>
        Contains(Users, userId) ? (PyRecord)Users[(string)userId!]! : throw new ToolCallException($"User {Str(userId)} not found");

    /// <summary>The user, as this toolkit's own copy (safe to mutate).</summary>
    private PyRecord GetUserForUpdate(object? userId)
    {
        GetUser(userId);
        return Own(Users, (string)userId!);
    }

    private PyRecord GetReservation(object? reservationId) =>
        Contains(Reservations, reservationId)
            ? (PyRecord)Reservations[(string)reservationId!]!
            : throw new ToolCallException($"Reservation {Str(reservationId)} not found");

    private PyRecord GetReservationForUpdate(object? reservationId)
    {
        GetReservation(reservationId);
        return Own(Reservations, (string)reservationId!);
    }

    private PyRecord GetFlight(object? flightNumber) =>
        Contains(Flights, flightNumber) ? (PyRecord)Flights[(string)flightNumber!]! : throw new ToolCallException($"Flight {Str(flightNumber)} not found");

    private PyRecord GetFlightInstance(object? flightNumber, object? date)
    {
        var dates = (PyDict)GetFlight(flightNumber)["dates"]!;
        if (!Contains(dates, date)) throw new ToolCallException($"Flight {Str(flightNumber)} not found on date {Str(date)}");
        return (PyRecord)dates[(string)date!]!;
    }

    private static bool IsAvailable(PyRecord flightDate) => flightDate["status"] is "available";

    /// <summary>
    /// tau2 converts a list argument into models only when every element is a dict
    /// (<c>all(isinstance(x, dict) for x in value)</c>); otherwise the raw value goes on.
    /// </summary>
    private static object? ToModelsIfAllDicts(object? value, ModelSchema schema)
    {
        var items = Iterate(value);
        if (!items.All(x => x is PyDict)) return value;
        return items.Select(x => (object?)schema.Validate(x)).ToList();
    }

    // ---- tools

    private PyRecord BookReservation(ToolArguments a)
    {
        var flights = ToModelsIfAllDicts(a["flights"], AirlineSchemas.FlightInfo);
        var passengers = ToModelsIfAllDicts(a["passengers"], AirlineSchemas.Passenger);
        var payments = ToModelsIfAllDicts(a["payment_methods"], AirlineSchemas.Payment);
        object? userId = a["user_id"];
        var user = GetUserForUpdate(userId);
        string reservationId = NewReservationIds.FirstOrDefault(id => !Reservations.ContainsKey(id))
            ?? throw new ToolCallException("Too many reservations");

        var reservation = AirlineSchemas.Reservation.Validate(new PyDict
        {
            ["reservation_id"] = reservationId,
            ["user_id"] = userId,
            ["origin"] = a["origin"],
            ["destination"] = a["destination"],
            ["flight_type"] = a["flight_type"],
            ["cabin"] = a["cabin"],
            ["flights"] = new List<object?>(),
            ["passengers"] = PyValue.DeepClone(passengers),
            ["payment_history"] = PyValue.DeepClone(payments),
            ["created_at"] = Now,
            ["total_baggages"] = a["total_baggages"],
            ["nonfree_baggages"] = a["nonfree_baggages"],
            ["insurance"] = a["insurance"],
        });
        // validated above: cabin is a cabin name, passengers and payments are lists of models
        string cabin = (string)reservation["cabin"]!;
        long passengerCount = Len(passengers);
        var reservationFlights = (List<object?>)reservation["flights"]!;

        object totalPrice = 0L;
        var bookedFlightDates = new List<(string FlightNumber, string Date)>();
        foreach (var flightInfo in Iterate(flights))
        {
            var flightNumber = GetAttr(flightInfo, "FlightInfo", "flight_number");
            var flight = GetFlight(flightNumber);
            var date = GetAttr(flightInfo, "FlightInfo", "date");
            var flightDate = GetFlightInstance(flightNumber, date);
            if (!IsAvailable(flightDate))
                throw new ToolCallException($"Flight {Str(flightNumber)} not available on date {Str(date)}");
            if (Lt(GetItem((PyDict)flightDate["available_seats"]!, cabin), passengerCount))
                throw new ToolCallException($"Not enough seats on flight {Str(flightNumber)}");
            var price = GetItem((PyDict)flightDate["prices"]!, cabin);
            reservationFlights.Add(AirlineSchemas.ReservationFlight.Validate(new PyDict
            {
                ["origin"] = flight["origin"],
                ["destination"] = flight["destination"],
                ["flight_number"] = flightNumber,
                ["date"] = date,
                ["price"] = price,
            }));
            bookedFlightDates.Add(((string)flightNumber!, (string)date!));
            totalPrice = Add(totalPrice, Mul(price, passengerCount), augmented: true);
        }

        if (a["insurance"] is "yes") totalPrice = Add(totalPrice, Mul(30L, passengerCount), augmented: true);
        totalPrice = Add(totalPrice, Mul(50L, a["nonfree_baggages"]), augmented: true);

        var paymentList = (List<object?>)payments!;
        var methods = (PyDict)user["payment_methods"]!;
        foreach (PyRecord payment in paymentList.Cast<PyRecord>())
        {
            var paymentId = payment["payment_id"];
            if (!Contains(methods, paymentId)) throw new ToolCallException($"Payment method {Str(paymentId)} not found");
            var method = (PyRecord)methods[(string)paymentId!]!;
            if (method["source"] is "gift_card" or "certificate" && Lt(method["amount"], payment["amount"]))
                throw new ToolCallException($"Not enough balance in payment method {Str(paymentId)}");
        }

        var totalPayment = Sum(paymentList.Select(p => ((PyRecord)p!)["amount"]));
        if (!Eq(totalPayment, totalPrice))
            throw new ToolCallException($"Payment amount does not add up, total price is {Str(totalPrice)}, but paid {Str(totalPayment)}");

        // all checks passed: deduct payments (a certificate is consumed whole)
        foreach (PyRecord payment in paymentList.Cast<PyRecord>())
        {
            var method = (PyRecord)GetItem(methods, payment["payment_id"])!;
            if (method["source"] is "gift_card")
                method["amount"] = Sub(method["amount"], payment["amount"], augmented: true);
            else if (method["source"] is "certificate")
                methods.Remove((string)payment["payment_id"]!);
        }

        foreach (var (flightNumber, date) in bookedFlightDates)
        {
            var flight = Own(Flights, flightNumber);
            var seats = (PyDict)((PyRecord)((PyDict)flight["dates"]!)[date]!)["available_seats"]!;
            seats[cabin] = Sub(seats[cabin], passengerCount, augmented: true);
        }
        Reservations[reservationId] = Owned(reservation);
        ((List<object?>)user["reservations"]!).Add(reservationId);
        return reservation;
    }

    private PyRecord CancelReservation(object? reservationId)
    {
        var reservation = GetReservationForUpdate(reservationId);
        var history = (List<object?>)reservation["payment_history"]!;
        var refunds = history.Select(p => (object?)AirlineSchemas.Payment.Validate(new PyDict
        {
            ["payment_id"] = ((PyRecord)p!)["payment_id"],
            ["amount"] = Neg(((PyRecord)p)["amount"]),
        })).ToList();
        history.AddRange(refunds);
        reservation["status"] = "cancelled";
        return reservation;
    }

    private static List<object?> ListAllAirports() =>
        Airports.Select(ap => (object?)AirlineSchemas.AirportCode.Validate(new PyDict { ["iata"] = ap.Iata, ["city"] = ap.City })).ToList();

    /// <summary>Available flights on a date; null origin/destination match any airport (tau2's _search_direct_flight).</summary>
    private List<object?> SearchDirectFlight(object? date, object? origin, object? destination, string? leaveAfter)
    {
        var results = new List<object?>();
        foreach (var (_, value) in Flights)
        {
            var flight = (PyRecord)value!;
            var dates = (PyDict)flight["dates"]!;
            bool match = (origin is null || Eq(flight["origin"], origin))
                && (destination is null || Eq(flight["destination"], destination))
                && Contains(dates, date)
                && IsAvailable((PyRecord)dates[(string)date!]!)
                && (leaveAfter is null || Ge(flight["scheduled_departure_time_est"], leaveAfter));
            if (!match) continue;
            var flightDate = (PyRecord)dates[(string)date!]!;
            results.Add(AirlineSchemas.DirectFlight.Validate(new PyDict
            {
                ["flight_number"] = flight["flight_number"],
                ["origin"] = flight["origin"],
                ["destination"] = flight["destination"],
                ["status"] = "available",
                ["scheduled_departure_time_est"] = flight["scheduled_departure_time_est"],
                ["scheduled_arrival_time_est"] = flight["scheduled_arrival_time_est"],
                ["available_seats"] = flightDate["available_seats"],
                ["prices"] = flightDate["prices"],
            }));
        }
        return results;
    }

    private List<object?> SearchOnestopFlight(object? origin, object? destination, object? date)
    {
        var results = new List<object?>();
        foreach (PyRecord first in SearchDirectFlight(date, origin, null, null).Cast<PyRecord>())
        {
            first["date"] = date;
            string arrival = (string)first["scheduled_arrival_time_est"]!;
            // tau2 builds the next day's date with the month hard-coded and no zero padding
            object? secondDate = arrival.Contains("+1", StringComparison.Ordinal)
                ? "2024-05-" + (ParseInt(LastTwo((string)date!)) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : date;
            foreach (PyRecord second in SearchDirectFlight(secondDate, first["destination"], destination, arrival).Cast<PyRecord>())
            {
                second["date"] = secondDate;
                results.Add(new List<object?> { first, second });
            }
        }
        return results;
    }

    private static string LastTwo(string s) => s.Length <= 2 ? s : s[^2..];

    private string SendCertificate(object? userId, object? amount)
    {
        var user = GetUser(userId);
        foreach (var certificateId in NewCertificateIds)
        {
            if (((PyDict)user["payment_methods"]!).ContainsKey(certificateId)) continue;
            var certificate = AirlineSchemas.Certificate.Validate(new PyDict
            {
                ["id"] = certificateId,
                ["amount"] = amount,
                ["source"] = "certificate",
            });
            ((PyDict)GetUserForUpdate(userId)["payment_methods"]!)[certificateId] = certificate;
            return $"Certificate {certificateId} added to user {Str(userId)} with amount {Str(amount)}.";
        }
        throw new ToolCallException("Too many certificates");
    }

    private PyRecord UpdateReservationBaggages(ToolArguments a)
    {
        var reservation = GetReservationForUpdate(a["reservation_id"]);
        GetUser(reservation["user_id"]);
        var totalPrice = Mul(50L, Max(0L, Sub(a["nonfree_baggages"], reservation["nonfree_baggages"])));
        var payment = PaymentForUpdate(reservation["user_id"], a["payment_id"], totalPrice);
        if (payment is not null) ((List<object?>)reservation["payment_history"]!).Add(payment);
        reservation["total_baggages"] = PyValue.DeepClone(a["total_baggages"]);
        reservation["nonfree_baggages"] = PyValue.DeepClone(a["nonfree_baggages"]);
        return reservation;
    }

    private PyRecord UpdateReservationFlights(ToolArguments a)
    {
        var flights = ToModelsIfAllDicts(a["flights"], AirlineSchemas.FlightInfo);
        var reservation = GetReservationForUpdate(a["reservation_id"]);
        GetUser(reservation["user_id"]);
        object? cabin = a["cabin"];
        var current = (List<object?>)reservation["flights"]!;
        long passengerCount = Len(reservation["passengers"]);

        object totalPrice = 0L;
        var newFlights = new List<object?>();
        foreach (var flightInfo in Iterate(flights))
        {
            // an unchanged segment in the unchanged cabin keeps its booked price
            var kept = current.Cast<PyRecord>().FirstOrDefault(rf =>
                Eq(rf["flight_number"], GetAttr(flightInfo, "FlightInfo", "flight_number"))
                && Eq(rf["date"], GetAttr(flightInfo, "FlightInfo", "date"))
                && Eq(cabin, reservation["cabin"]));
            if (kept is not null)
            {
                totalPrice = Add(totalPrice, Mul(kept["price"], passengerCount), augmented: true);
                newFlights.Add(kept);
                continue;
            }

            var flightNumber = GetAttr(flightInfo, "FlightInfo", "flight_number");
            var flight = GetFlight(flightNumber);
            var date = GetAttr(flightInfo, "FlightInfo", "date");
            var flightDate = GetFlightInstance(flightNumber, date);
            if (!IsAvailable(flightDate))
                throw new ToolCallException($"Flight {Str(flightNumber)} not available on date {Str(date)}");
            if (Lt(GetItem((PyDict)flightDate["available_seats"]!, cabin), passengerCount))
                throw new ToolCallException($"Not enough seats on flight {Str(flightNumber)}");
            var reservationFlight = AirlineSchemas.ReservationFlight.Validate(new PyDict
            {
                ["flight_number"] = flightNumber,
                ["date"] = date,
                ["price"] = GetItem((PyDict)flightDate["prices"]!, cabin),
                ["origin"] = flight["origin"],
                ["destination"] = flight["destination"],
            });
            totalPrice = Add(totalPrice, Mul(reservationFlight["price"], passengerCount), augmented: true);
            newFlights.Add(reservationFlight);
        }

        var alreadyPaid = Sum(current.Select(rf => ((PyRecord)rf!)["price"]));
        totalPrice = Sub(totalPrice, Mul(alreadyPaid, passengerCount), augmented: true);

        var payment = PaymentForUpdate(reservation["user_id"], a["payment_id"], totalPrice);
        if (payment is not null) ((List<object?>)reservation["payment_history"]!).Add(payment);
        reservation["flights"] = newFlights;
        reservation["cabin"] = PyValue.DeepClone(cabin);
        return reservation;
    }

    private PyRecord UpdateReservationPassengers(object? reservationId, object? passengers)
    {
        passengers = ToModelsIfAllDicts(passengers, AirlineSchemas.Passenger);
        var reservation = GetReservation(reservationId);
        if (Len(passengers) != Len(reservation["passengers"]))
            throw new ToolCallException("Number of passengers does not match");
        reservation = GetReservationForUpdate(reservationId);
        reservation["passengers"] = PyValue.DeepClone(passengers);
        return reservation;
    }

    /// <summary>
    /// tau2's _payment_for_update: checks the method, moves gift-card balance (a negative price
    /// credits it), and returns the payment entry to record, or null when the price is zero.
    /// </summary>
    private PyRecord? PaymentForUpdate(object? userId, object? paymentId, object totalPrice)
    {
        var methods = (PyDict)GetUser(userId)["payment_methods"]!;
        if (!Contains(methods, paymentId)) throw new ToolCallException("Payment method not found");
        var method = (PyRecord)methods[(string)paymentId!]!;
        if (method["source"] is "certificate") throw new ToolCallException("Certificate cannot be used to update reservation");
        if (method["source"] is "gift_card" && Lt(method["amount"], totalPrice)) throw new ToolCallException("Gift card balance is not enough");
        if (method["source"] is "gift_card")
        {
            var owned = (PyRecord)((PyDict)GetUserForUpdate(userId)["payment_methods"]!)[(string)paymentId!]!;
            owned["amount"] = Sub(owned["amount"], totalPrice, augmented: true);
        }
        if (!Eq(totalPrice, 0L))
            return AirlineSchemas.Payment.Validate(new PyDict { ["payment_id"] = paymentId, ["amount"] = totalPrice });
        return null;
    }
}
