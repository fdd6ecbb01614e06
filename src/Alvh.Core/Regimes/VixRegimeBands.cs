namespace Alvh.Regimes;

/// <summary>
/// Upper bounds (VIX index points) of the level bands. Each band includes its lower bound and excludes
/// its upper bound: calm &lt; <paramref name="CalmBelow"/> ≤ normal &lt; <paramref name="NormalBelow"/>
/// ≤ elevated &lt; <paramref name="ElevatedBelow"/> ≤ high &lt; <paramref name="HighBelow"/> ≤ extreme.
/// The defaults 15/20/25/35 are the conventional practitioner bands (long-run VIX median ≈ 17–19).
/// </summary>
/// <param name="CalmBelow">Calm below this level (default 15).</param>
/// <param name="NormalBelow">Normal below this level (default 20).</param>
/// <param name="ElevatedBelow">Elevated below this level (default 25).</param>
/// <param name="HighBelow">High below this level; extreme at or above it (default 35).</param>
public sealed record VixRegimeBands(double CalmBelow = 15, double NormalBelow = 20, double ElevatedBelow = 25, double HighBelow = 35)
{
    /// <summary>The default bands 15/20/25/35.</summary>
    public static VixRegimeBands Default { get; } = new();

    /// <summary>Checks the thresholds are finite and strictly increasing.</summary>
    /// <exception cref="ArgumentOutOfRangeException">They are not.</exception>
    public void Validate()
    {
        if (!double.IsFinite(CalmBelow)) throw new ArgumentOutOfRangeException(nameof(CalmBelow), CalmBelow, "must be finite");
        if (!(NormalBelow > CalmBelow)) throw new ArgumentOutOfRangeException(nameof(NormalBelow), NormalBelow, "must exceed CalmBelow");
        if (!(ElevatedBelow > NormalBelow)) throw new ArgumentOutOfRangeException(nameof(ElevatedBelow), ElevatedBelow, "must exceed NormalBelow");
        if (!(HighBelow > ElevatedBelow) || !double.IsFinite(HighBelow)) throw new ArgumentOutOfRangeException(nameof(HighBelow), HighBelow, "must be finite and exceed ElevatedBelow");
    }

    /// <summary>The band of one VIX level; <see cref="VixRegime.Unknown"/> for NaN.</summary>
    public VixRegime Classify(double vix) =>
        double.IsNaN(vix) ? VixRegime.Unknown
        : vix < CalmBelow ? VixRegime.Calm
        : vix < NormalBelow ? VixRegime.Normal
        : vix < ElevatedBelow ? VixRegime.Elevated
        : vix < HighBelow ? VixRegime.High
        : VixRegime.Extreme;

    /// <summary>Classifies each VIX level into <paramref name="output"/> (same length).</summary>
    public void Classify(ReadOnlySpan<double> vix, Span<VixRegime> output)
    {
        Validate();
        if (output.Length != vix.Length) throw new ArgumentException("output length differs from input", nameof(output));
        for (int i = 0; i < vix.Length; i++) output[i] = Classify(vix[i]);
    }

    /// <summary>Classifies each VIX level.</summary>
    public VixRegime[] Classify(ReadOnlySpan<double> vix)
    {
        var output = new VixRegime[vix.Length];
        Classify(vix, output);
        return output;
    }
}
