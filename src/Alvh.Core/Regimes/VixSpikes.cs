using Alvh.Indicators;

namespace Alvh.Regimes;

/// <summary>Spike detection on a VIX close series (see <see cref="VixSpikeRule"/>).</summary>
public static class VixSpikes
{
    /// <summary>
    /// Marks spike days in <paramref name="output"/> (same length). A NaN close is never a spike; NaN
    /// closes in the base window are ignored (the base is the minimum of the finite ones, if any).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The rule has a non-positive lookback, a negative z window or a NaN threshold.</exception>
    public static void Detect(ReadOnlySpan<double> vix, VixSpikeRule rule, Span<bool> output)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.LookbackDays < 1) throw new ArgumentOutOfRangeException(nameof(rule), rule.LookbackDays, "LookbackDays must be at least 1");
        if (rule.ZScoreWindow is < 0 or 1) throw new ArgumentOutOfRangeException(nameof(rule), rule.ZScoreWindow, "ZScoreWindow must be 0 (off) or at least 2");
        if (double.IsNaN(rule.MinRise) || double.IsNaN(rule.MinZScore)) throw new ArgumentOutOfRangeException(nameof(rule), "thresholds must not be NaN");
        if (output.Length != vix.Length) throw new ArgumentException("output length differs from input", nameof(output));
        var z = rule.ZScoreWindow > 0 ? new ZScoreStream(rule.ZScoreWindow) : null;
        for (int i = 0; i < vix.Length; i++)
        {
            double v = vix[i];
            double score = z?.Add(v) ?? double.NaN;
            if (double.IsNaN(v))
            {
                output[i] = false;
                continue;
            }
            double floor = double.PositiveInfinity;
            for (int j = Math.Max(0, i - rule.LookbackDays); j < i; j++)
            {
                if (vix[j] < floor) floor = vix[j];
            }
            bool rose = floor > 0 && !double.IsPositiveInfinity(floor) && v / floor - 1.0 >= rule.MinRise;
            output[i] = rose || score >= rule.MinZScore;
        }
    }

    /// <summary>Spike flags for each VIX close.</summary>
    public static bool[] Detect(ReadOnlySpan<double> vix, VixSpikeRule? rule = null)
    {
        var output = new bool[vix.Length];
        Detect(vix, rule ?? VixSpikeRule.Default, output);
        return output;
    }
}
