namespace Alvh.MarketData;

/// <summary>
/// When a day-over-day change is worth a look: a relative change |x/x₋₁ − 1| above
/// <paramref name="Threshold"/> for prices and index levels, or an absolute change in the series'
/// units (percentage points for rates) when <paramref name="Absolute"/> is true.
/// </summary>
/// <param name="Threshold">Fraction (relative) or units (absolute).</param>
/// <param name="Absolute">True for an absolute change.</param>
public readonly record struct OutlierRule(double Threshold, bool Absolute = false)
{
    /// <summary>True when the move from <paramref name="previous"/> to <paramref name="current"/> exceeds the rule.</summary>
    public bool IsOutlier(double previous, double current)
    {
        if (!double.IsFinite(previous) || !double.IsFinite(current)) return false;
        double change = Absolute ? Math.Abs(current - previous) : previous == 0 ? 0 : Math.Abs(current / previous - 1);
        return change > Threshold;
    }

    /// <summary>The change in words, e.g. <c>+52.1%</c> or <c>+1.37 pts</c>.</summary>
    public string Describe(double previous, double current) =>
        Absolute
            ? FormattableString.Invariant($"{current - previous:+0.00;-0.00} pts")
            : FormattableString.Invariant($"{(current / previous - 1) * 100:+0.0;-0.0}%");
}
