using Alvh.Indicators;

namespace Alvh.Core.Tests.Indicators;

public class ParkinsonVolatilityTests
{
    [Fact]
    public void Matches_the_Parkinson_formula()
    {
        // Hand computation: every bar has ln(H/L) = 0.02 → σ² = 0.0004/(4 ln 2) per day, ×252 annualised.
        var high = Enumerable.Repeat(100 * Math.Exp(0.02), 5).ToArray();
        var low = Enumerable.Repeat(100.0, 5).ToArray();
        var vol = ParkinsonVolatility.Compute(high, low, 3);
        double.IsNaN(vol[1]).Should().BeTrue();
        vol[2].Should().BeApproximately(Math.Sqrt(252 * 0.0004 / (4 * Math.Log(2))), 1e-12);
    }

    [Fact]
    public void Flat_bars_give_zero() =>
        ParkinsonVolatility.Compute([5.0, 5, 5], [5.0, 5, 5], 2)[1..].Should().OnlyContain(x => x == 0);

    [Fact]
    public void Matches_the_stream_and_the_formula_around_block_boundaries()
    {
        // The batch takes eight bars a step and finishes each step 32 bars behind its sums: lengths
        // around those steps, with NaN highs and lows, equal the stream bit for bit, and the definition
        // √(252·Σ ln(H/L)²/(period·4 ln 2)) summed afresh per window with Math.Log within 1e-10 relative
        // (the vector logarithm is within about an ulp, and the running sum rounds differently).
        foreach (int period in new[] { 1, 2, 7, 8, 9, 21, 40 })
        {
            foreach (int length in new[] { 0, 1, 7, 8, 9, 31, 32, 33, 39, 40, 41, 47, 48, 100, 257 })
            {
                foreach (double nanRate in new[] { 0.0, 0.05 })
                {
                    var (high, low, _) = TestSeries.RandomBars(period * 1000 + length, length);
                    var random = new Random(length);
                    for (int i = 0; i < length; i++)
                    {
                        if (random.NextDouble() < nanRate) (random.Next(2) == 0 ? high : low)[i] = double.NaN;
                    }
                    var batch = ParkinsonVolatility.Compute(high, low, period);
                    var stream = new ParkinsonVolatilityStream(period);
                    batch.ShouldEqualBitwise(high.Select((h, i) => stream.Add(h, low[i])).ToArray());
                    for (int i = 0; i < length; i++)
                    {
                        double sum = 0;
                        for (int k = Math.Max(0, i - period + 1); k <= i; k++) sum += Math.Pow(Math.Log(high[k] / low[k]), 2);
                        if (i < period - 1 || double.IsNaN(sum))
                        {
                            double.IsNaN(batch[i]).Should().BeTrue($"period {period}, length {length}, index {i}");
                            continue;
                        }
                        double expected = Math.Sqrt(252 * sum / period / (4 * Math.Log(2)));
                        batch[i].Should().BeApproximately(expected, 1e-10 * expected, $"period {period}, length {length}, index {i}");
                    }
                }
            }
        }
    }
}
