using Alvh.Pricing;

namespace Alvh.Benchmarks;

/// <summary>
/// A seeded batch of SPX-like option inputs for measuring the pricing kernels (spot 4500, strikes
/// 50%–200% of spot, 1 day to 1 year, vols 10%–60%, calls and puts at random), with an output buffer.
/// Used by <c>alvh bench</c> and the BenchmarkDotNet pricing benchmarks, so both price the same inputs.
/// </summary>
/// <param name="Rights">Call or put.</param>
/// <param name="Spots">Spot, index points.</param>
/// <param name="Strikes">Strikes, index points.</param>
/// <param name="Rates">Continuously compounded rates, annual fractions.</param>
/// <param name="Yields">Dividend yields, annual fractions.</param>
/// <param name="Vols">Volatilities, annual fractions.</param>
/// <param name="Times">Times to expiry, years.</param>
/// <param name="Prices">Output buffer.</param>
public sealed record OptionBatch(OptionRight[] Rights, double[] Spots, double[] Strikes, double[] Rates, double[] Yields, double[] Vols, double[] Times, double[] Prices)
{
    /// <summary>A batch of <paramref name="count"/> options from a fixed seed.</summary>
    public static OptionBatch Random(int count, int seed = 20240115)
    {
        var random = new Random(seed);
        var b = new OptionBatch(new OptionRight[count], new double[count], new double[count], new double[count], new double[count], new double[count], new double[count], new double[count]);
        for (int i = 0; i < count; i++)
        {
            b.Rights[i] = random.Next(2) == 0 ? OptionRight.Call : OptionRight.Put;
            b.Spots[i] = 4500.0;
            b.Strikes[i] = 4500.0 * (0.5 + 1.5 * random.NextDouble());
            b.Rates[i] = 0.045;
            b.Yields[i] = 0.015;
            b.Vols[i] = 0.1 + 0.5 * random.NextDouble();
            b.Times[i] = (1 + random.Next(365)) / 365.0;
        }
        return b;
    }

    /// <summary>Prices the batch with the scalar Black–Scholes loop.</summary>
    public void BlackScholesScalar() => BlackScholes.PriceBatch(Rights, Spots, Strikes, Rates, Yields, Vols, Times, Prices);

    /// <summary>Prices the batch with the SIMD Black–Scholes kernel.</summary>
    public void BlackScholesSimd() => BlackScholes.PriceBatchSimd(Rights, Spots, Strikes, Rates, Yields, Vols, Times, Prices);

    /// <summary>Prices the batch with the scalar Black-76 loop (spots taken as forwards).</summary>
    public void Black76Scalar() => Black76.PriceBatch(Rights, Spots, Strikes, Rates, Vols, Times, Prices);

    /// <summary>Prices the batch with the SIMD Black-76 kernel (spots taken as forwards).</summary>
    public void Black76Simd() => Black76.PriceBatchSimd(Rights, Spots, Strikes, Rates, Vols, Times, Prices);
}
