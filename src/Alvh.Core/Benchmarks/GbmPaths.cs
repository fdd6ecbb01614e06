using System.Runtime.Intrinsics;

namespace Alvh.Benchmarks;

/// <summary>
/// Seeded geometric Brownian motion bars for the canonical Monte Carlo, written so that the numpy and
/// numba peers (bench/peers) generate the same paths from the same documented algorithm:
/// <list type="bullet">
/// <item>generator: SplitMix64 (Steele, Lea &amp; Flood 2014) — state += 0x9E3779B97F4A7C15, output =
/// mix(state) with mix(z) = z ^= z &gt;&gt; 30, z *= 0xBF58476D1CE4E5B9, z ^= z &gt;&gt; 27,
/// z *= 0x94D049BB133111EB, z ^= z &gt;&gt; 31; path p starts from state mix(seed + (p + 1) × 0x9E3779B97F4A7C15);</item>
/// <item>uniforms: u = (output &gt;&gt; 11) × 2⁻⁵³ in [0, 1);</item>
/// <item>normals: Box–Muller, cosine branch only — two uniforms a, b per normal,
/// z = √(−2 ln(1 − a)) · cos(2π b);</item>
/// <item>bars: log return r = (drift − vol²/2) + vol · z; open₀ = 100; close_t = open_t · exp(r_t);
/// open_{t+1} = close_t (no gaps).</item>
/// </list>
/// Paths are independent of each other and of the thread that builds them. Exp, log and cos are .NET's
/// 4-lane vector functions (four bars at a time) where the peers call their platform's maths library, so
/// paths agree with theirs to about 1e-15 relative per bar, not bit for bit.
/// </summary>
public static class GbmPaths
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>Starting price of every path.</summary>
    public const double StartPrice = 100;

    /// <summary>Fills one path's opens and closes (equal lengths).</summary>
    /// <param name="seed">Run seed.</param>
    /// <param name="path">Zero-based path number (its own stream).</param>
    /// <param name="drift">Daily drift of the price (fraction per bar).</param>
    /// <param name="volatility">Daily volatility of the log return.</param>
    /// <param name="open">Receives the opens.</param>
    /// <param name="close">Receives the closes.</param>
    public static void Fill(ulong seed, int path, double drift, double volatility, Span<double> open, Span<double> close)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(path);
        if (open.Length != close.Length) throw new ArgumentException("open and close must have the same length", nameof(close));
        ulong state = Mix(seed + (ulong)(path + 1) * Gamma);
        var mean = Vector256.Create(drift - 0.5 * volatility * volatility);
        var vol = Vector256.Create(volatility);
        double price = StartPrice;
        Span<double> a = stackalloc double[4];
        Span<double> b = stackalloc double[4];
        Span<double> growth = stackalloc double[4];
        // Four bars at a time: their uniforms drawn in bar order (two per bar, as one bar at a time would), the
        // logarithms, cosines and exponentials in 4-lane vectors; the price compounds bar by bar.
        for (int t = 0; t < close.Length; t += 4)
        {
            int lanes = Math.Min(4, close.Length - t);
            for (int k = 0; k < 4; k++)
            {
                a[k] = k < lanes ? Uniform(ref state) : 0.5;
                b[k] = k < lanes ? Uniform(ref state) : 0.5;
            }
            var z = Vector256.Sqrt(Vector256.Create(-2.0) * Vector256.Log(Vector256.Create(1.0) - Vector256.Create<double>(a)))
                * Vector256.Cos(Vector256.Create(2.0 * Math.PI) * Vector256.Create<double>(b));
            Vector256.Exp(mean + (vol * z)).CopyTo(growth);
            for (int k = 0; k < lanes; k++)
            {
                open[t + k] = price;
                price *= growth[k];
                close[t + k] = price;
            }
        }
    }

    private static double Uniform(ref ulong state)
    {
        state += Gamma;
        return (Mix(state) >> 11) * (1.0 / (1UL << 53));
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
