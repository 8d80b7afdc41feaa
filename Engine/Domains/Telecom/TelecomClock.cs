namespace Tau2Observe.Engine.Domains.Telecom;

/// <summary>
/// Telecom's fixed clock: "today" is 2025-02-25 and "now" 2025-02-25 12:08:00 everywhere
/// (no tool reads the real clock, which keeps tool outputs and DB hashes reproducible).
/// </summary>
internal static class TelecomClock
{
    public static readonly DateOnly Today = new(2025, 2, 25);
    public static readonly DateTime Now = new(2025, 2, 25, 12, 8, 0);

    public static DateOnly FirstDayOfMonth(DateOnly d) => new(d.Year, d.Month, 1);

    public static DateOnly LastDayOfMonth(DateOnly d) => new(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month));

    public static DateOnly FirstDayOfNextMonth(DateOnly d) => FirstDayOfMonth(d).AddMonths(1);

    public static DateOnly FirstDayOfPreviousMonth(DateOnly d) => FirstDayOfMonth(d).AddMonths(-1);
}
