using System.Globalization;

namespace Tau2Observe.Engine.Simulation;

/// <summary>tau2's timestamps: local wall-clock ISO-8601 without offset, microseconds when non-zero.</summary>
public static class Timestamps
{
    /// <summary>The clock used for new messages; tests and replays may substitute a fixed one.</summary>
    public static Func<DateTime> Clock { get; set; } = () => DateTime.Now;

    public static string Now() => Format(Clock());

    public static string Format(DateTime t)
    {
        string s = t.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        long micro = (t.Ticks % TimeSpan.TicksPerSecond) / 10;
        return micro != 0 ? s + "." + micro.ToString("000000", CultureInfo.InvariantCulture) : s;
    }
}
