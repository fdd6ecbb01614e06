namespace Alvh.Regimes;

/// <summary>
/// Term-structure state from two aligned series, a nearer and a farther point: VIX vs VIX3M, or VX1 vs
/// VX2 (same units, VIX points). The ratio near/far decides: contango when ratio &lt; 1 − tolerance,
/// backwardation when ratio &gt; 1 + tolerance, flat otherwise; unknown when either is NaN or ≤ 0.
/// </summary>
public static class TermStructure
{
    /// <summary>Ratio near/far (dimensionless), NaN when either is NaN or not positive.</summary>
    public static double Ratio(double near, double far) => near > 0 && far > 0 ? near / far : double.NaN;

    /// <summary>The state of one pair; <paramref name="flatTolerance"/> is a fraction of the ratio (default 0: only equality is flat).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="flatTolerance"/> is negative or NaN.</exception>
    public static TermStructureState Classify(double near, double far, double flatTolerance = 0)
    {
        if (!(flatTolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(flatTolerance), flatTolerance, "must be non-negative");
        double ratio = Ratio(near, far);
        if (double.IsNaN(ratio)) return TermStructureState.Unknown;
        if (ratio < 1 - flatTolerance) return TermStructureState.Contango;
        if (ratio > 1 + flatTolerance) return TermStructureState.Backwardation;
        return TermStructureState.Flat;
    }

    /// <summary>Classifies aligned arrays into <paramref name="output"/>; all spans share one length.</summary>
    public static void Classify(ReadOnlySpan<double> near, ReadOnlySpan<double> far, Span<TermStructureState> output, double flatTolerance = 0)
    {
        if (far.Length != near.Length) throw new ArgumentException("far length differs from near", nameof(far));
        if (output.Length != near.Length) throw new ArgumentException("output length differs from near", nameof(output));
        for (int i = 0; i < near.Length; i++) output[i] = Classify(near[i], far[i], flatTolerance);
    }

    /// <summary>Classifies aligned arrays.</summary>
    public static TermStructureState[] Classify(ReadOnlySpan<double> near, ReadOnlySpan<double> far, double flatTolerance = 0)
    {
        var output = new TermStructureState[near.Length];
        Classify(near, far, output, flatTolerance);
        return output;
    }
}
