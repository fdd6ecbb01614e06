namespace Alvh.Model;

/// <summary>Windows of the VX futures model fit and its out-of-sample test.</summary>
public sealed record VixFuturesParameters
{
    /// <summary>The default: fit 2007–2015, test 2016 onward, buckets 0–30, 30–60, 60–120, 120–240, 240–400 days.</summary>
    public static VixFuturesParameters Default { get; } = new();

    /// <summary>First trade date fitted (VX re-scaled to VIX points on 2007-03-26; the loader already divides earlier quotes by 10).</summary>
    public DateOnly FitFrom { get; init; } = new(2007, 1, 1);

    /// <summary>Last trade date fitted.</summary>
    public DateOnly FitTo { get; init; } = new(2015, 12, 31);

    /// <summary>First trade date of the out-of-sample test.</summary>
    public DateOnly TestFrom { get; init; } = new(2016, 1, 1);

    /// <summary>Last trade date of the out-of-sample test.</summary>
    public DateOnly TestTo { get; init; } = new(2026, 12, 31);

    /// <summary>Edges of the tenor buckets, calendar days to expiry, increasing.</summary>
    public IReadOnlyList<int> BucketEdges { get; init; } = [0, 30, 60, 120, 240, 400];
}
