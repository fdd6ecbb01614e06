namespace Alvh.Research;

/// <summary>
/// The xoshiro256** generator (Blackman &amp; Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 47(4),
/// 2021): 256 bits of state, period 2^256 − 1, seeded from one 64-bit seed by SplitMix64 as its authors advise. The
/// simulated paths use it instead of <see cref="Random"/>(int), whose seeded algorithm is Knuth's subtractive
/// generator with 2^31 seeds: a 100,000-path Monte Carlo drew about two pairs of identical paths.
/// </summary>
public sealed class Xoshiro256StarStar
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>A generator whose state is four SplitMix64 outputs from <paramref name="seed"/>.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        _s0 = SplitMix64(ref seed);
        _s1 = SplitMix64(ref seed);
        _s2 = SplitMix64(ref seed);
        _s3 = SplitMix64(ref seed);
    }

    /// <summary>A generator with the given state, which must not be all zero.</summary>
    /// <exception cref="ArgumentException">An all-zero state (the generator would return zeros for ever).</exception>
    public Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0) throw new ArgumentException("the xoshiro256** state must not be all zero");
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    /// <summary>The next SplitMix64 output (Steele, Lea &amp; Flood, OOPSLA 2014), advancing <paramref name="state"/>.</summary>
    public static ulong SplitMix64(ref ulong state)
    {
        unchecked
        {
            ulong z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
            ulong t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = ulong.RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>A uniform double in [0, 1): the top 53 bits over 2^53.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// A uniform integer in [0, <paramref name="bound"/>), without bias: Lemire's multiply-and-reject ("Fast random
    /// integer generation in an interval", ACM TOMS 29(1), 2019) on 64-bit draws.
    /// </summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        return (int)NextInt64(bound);
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), without bias (Lemire's method, as <see cref="NextInt"/>).</summary>
    public long NextInt64(long bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        ulong n = (ulong)bound;
        ulong high = Math.BigMul(NextUInt64(), n, out ulong low);
        if (low < n)
        {
            ulong threshold = (0 - n) % n;
            while (low < threshold) high = Math.BigMul(NextUInt64(), n, out low);
        }
        return (long)high;
    }
}
