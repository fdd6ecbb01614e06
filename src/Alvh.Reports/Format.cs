using System.Globalization;

namespace Alvh.Reports;

/// <summary>Fixed, culture-invariant number formats, so a report's bytes depend only on its numbers.</summary>
internal static class Format
{
    /// <summary>A fraction as a percentage with one decimal (<c>-33.7%</c>); <c>n/a</c> for NaN.</summary>
    public static string Percent(double fraction) => double.IsFinite(fraction) ? (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";

    /// <summary>A fraction difference in percentage points with one decimal (<c>+1.6</c>).</summary>
    public static string Points(double fraction) => double.IsFinite(fraction) ? (fraction * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>A ratio with two decimals.</summary>
    public static string Ratio(double value) => double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>Dollars without decimals, thousands separated.</summary>
    public static string Dollars(double value) => double.IsFinite(value) ? (value < 0 ? "-$" : "$") + Math.Abs(value).ToString("#,0", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>A level such as a VIX threshold, with at most one decimal (<c>25</c>, <c>17.5</c>).</summary>
    public static string Level(double value) => double.IsFinite(value) ? value.ToString("0.#", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>An integer.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A date as <c>YYYY-MM-DD</c>, or a dash.</summary>
    public static string Date(DateOnly? date) => date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "–";
}
