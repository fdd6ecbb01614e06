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
/// vector functions (eight bars at a time) where the peers call their platform's maths library, so paths
/// agree with theirs to about 1e-15 relative per bar, not bit for bit.
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
        var mean = Vector512.Create(drift - 0.5 * volatility * volatility);
        var vol = Vector512.Create(volatility);
        // Bar t + k of a block of eight draws a from state + (2k + 1)Γ and b from state + (2k + 2)Γ: the
        // generator's sequence, two draws per bar in bar order, computed in 8 lanes at once (SplitMix64's
        // state is a counter).
        var firstDraws = Vector512.Create(1UL, 3, 5, 7, 9, 11, 13, 15) * Gamma;
        var secondDraws = Vector512.Create(2UL, 4, 6, 8, 10, 12, 14, 16) * Gamma;
        var half = Vector512.Create(0.5);
        double price = StartPrice;
        Span<double> growth = stackalloc double[Lanes];
        // Eight bars at a time: uniforms, logarithms, cosines and exponentials in 8-lane vectors (the same
        // per-lane arithmetic as four lanes or one); the price compounds bar by bar.
        for (int t = 0; t < close.Length; t += Lanes)
        {
            int lanes = Math.Min(Lanes, close.Length - t);
            var states = Vector512.Create(state);
            var a = Uniforms(states + firstDraws);
            var b = Uniforms(states + secondDraws);
            state += unchecked(2 * Lanes * Gamma);
            if (lanes < Lanes)
            {
                // A part-filled last block: unused lanes get 0.5 (any value in range; they are not read).
                var used = Vector512.LessThan(Vector512.Create(0L, 1, 2, 3, 4, 5, 6, 7), Vector512.Create((long)lanes)).AsDouble();
                a = Vector512.ConditionalSelect(used, a, half);
                b = Vector512.ConditionalSelect(used, b, half);
            }
            var z = Vector512.Sqrt(Vector512.Create(-2.0) * Vector512.Log(Vector512.Create(1.0) - a))
                * Vector512.Cos(Vector512.Create(2.0 * Math.PI) * b);
            Vector512.Exp(mean + (vol * z)).CopyTo(growth);
            for (int k = 0; k < lanes; k++)
            {
                open[t + k] = price;
                price *= growth[k];
                close[t + k] = price;
            }
        }
    }

    private const int Lanes = 8;

    /// <summary>Uniforms in [0, 1) from generator states: (mix(state) &gt;&gt; 11) × 2⁻⁵³, per lane (the conversion is exact below 2⁵³).</summary>
    private static Vector512<double> Uniforms(Vector512<ulong> states) =>
        Vector512.ConvertToDouble(Mix(states) >> 11) * Vector512.Create(1.0 / (1UL << 53));

    private static Vector512<ulong> Mix(Vector512<ulong> z)
    {
        z = (z ^ (z >> 30)) * Vector512.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ (z >> 27)) * Vector512.Create(0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
