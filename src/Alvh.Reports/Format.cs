using System.Globalization;

namespace Alvh.Reports;

/// <summary>Fixed, culture-invariant number formats, so a report's bytes depend only on its numbers.</summary>
internal static class Format
{
    /// <summary>A fraction as a percentage with one decimal (<c>-33.7%</c>); <c>n/a</c> for NaN.</summary>
    public static string Percent(double fraction) => double.IsFinite(fraction) ? NoNegativeZero((fraction * 100).ToString("0.0", CultureInfo.InvariantCulture)) + "%" : "n/a";

    /// <summary>
    /// A fraction as a percentage with one decimal, or two where one would put it on the other side of
    /// <paramref name="bounds"/> than it lies (0.11982 beside a bound of 0.12 reads "11.98%", not "12.0%" as an inside value does).
    /// </summary>
    public static string PercentBeside(double fraction, params double[] bounds)
    {
        foreach (double b in bounds)
        {
            if (double.IsFinite(fraction) && Math.Abs(fraction - b) < 0.0005 && fraction != b)
            {
                // As many decimals as it takes to part it from the bound (0.119996 is "11.9996%", not "12.00%").
                string bound = (b * 100).ToString("0.0000", CultureInfo.InvariantCulture);
                for (int decimals = 2; decimals <= 4; decimals++)
                {
                    string text = (fraction * 100).ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture);
                    if (decimals == 4 || double.Parse(text, CultureInfo.InvariantCulture) != double.Parse(bound, CultureInfo.InvariantCulture)) return NoNegativeZero(text) + "%";
                }
            }
        }
        return Percent(fraction);
    }

    private static string NoNegativeZero(string text) => Alvh.Study.Verdict.NoNegativeZero(text);

    /// <summary>A fraction difference in percentage points with one decimal (<c>+1.6</c>).</summary>
    public static string Points(double fraction) => double.IsFinite(fraction) ? NoNegativeZero((fraction * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture)) : "n/a";

    /// <summary>A ratio with two decimals.</summary>
    public static string Ratio(double value) => double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>Dollars without decimals, thousands separated.</summary>
    public static string Dollars(double value) => double.IsFinite(value) ? (value < 0 ? "-$" : "$") + Math.Abs(value).ToString("#,0", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>A level such as a VIX threshold, with at most one decimal (<c>25</c>, <c>17.5</c>).</summary>
    public static string Level(double value) => double.IsFinite(value) ? value.ToString("0.#", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>An integer.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A count with thousands separators (<c>7,908</c>), as the console writes counts; years stay <see cref="Integer"/>.</summary>
    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A date as <c>YYYY-MM-DD</c>, or a dash.</summary>
    public static string Date(DateOnly? date) => date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "–";
}
