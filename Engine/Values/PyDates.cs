using System.Globalization;

namespace Tau2Observe.Engine.Values;

/// <summary>Python's date/datetime text forms: <c>str()</c> uses a space, <c>isoformat()</c> a 'T'.</summary>
public static class PyDates
{
    public static string StrDateTime(DateTime dt) => Format(dt, ' ');

    public static string IsoDateTime(DateTime dt) => Format(dt, 'T');

    public static string IsoDate(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Format(DateTime dt, char sep)
    {
        string s = dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + sep + dt.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        long micro = (dt.Ticks % TimeSpan.TicksPerSecond) / 10;
        return micro != 0 ? s + "." + micro.ToString("000000", CultureInfo.InvariantCulture) : s;
    }
}
