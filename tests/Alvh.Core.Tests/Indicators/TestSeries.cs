namespace Alvh.Core.Tests.Indicators;

/// <summary>Seeded synthetic series for property tests (never real market data).</summary>
internal static class TestSeries
{
    /// <summary>A geometric random walk around 100 with ~1 % daily moves; every NaN-rate-th value NaN on average.</summary>
    public static double[] RandomWalk(int seed, int length, double nanRate = 0.0)
    {
        var random = new Random(seed);
        var values = new double[length];
        double level = 100;
        for (int i = 0; i < length; i++)
        {
            level *= Math.Exp(0.01 * Normal(random));
            values[i] = random.NextDouble() < nanRate ? double.NaN : level;
        }
        return values;
    }

    /// <summary>High, low, close bars around a random walk; NaN bars with the given rate.</summary>
    public static (double[] High, double[] Low, double[] Close) RandomBars(int seed, int length, double nanRate = 0.0)
    {
        var random = new Random(seed);
        var close = RandomWalk(seed + 1000, length);
        var high = new double[length];
        var low = new double[length];
        for (int i = 0; i < length; i++)
        {
            high[i] = close[i] * (1 + 0.01 * random.NextDouble());
            low[i] = close[i] * (1 - 0.01 * random.NextDouble());
            if (random.NextDouble() < nanRate) close[i] = double.NaN;
        }
        return (high, low, close);
    }

    /// <summary>Daily simple returns of a series (NaN at index 0).</summary>
    public static double[] Returns(double[] prices)
    {
        var r = new double[prices.Length];
        r[0] = double.NaN;
        for (int i = 1; i < prices.Length; i++) r[i] = prices[i] / prices[i - 1] - 1;
        return r;
    }

    public static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>True when both arrays have the same bits at every index.</summary>
    public static void ShouldEqualBitwise(this double[] actual, double[] expected)
    {
        actual.Length.Should().Be(expected.Length);
        for (int i = 0; i < actual.Length; i++)
        {
            BitConverter.DoubleToInt64Bits(actual[i]).Should().Be(BitConverter.DoubleToInt64Bits(expected[i]), $"index {i}: {actual[i]} vs {expected[i]}");
        }
    }
}
