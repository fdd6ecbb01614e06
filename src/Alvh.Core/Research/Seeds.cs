namespace Alvh.Research;

/// <summary>
/// Seeds of independent sub-streams derived from one user seed and an index (a path, a run), so a
/// result never depends on which thread computed it or in what order.
/// </summary>
public static class Seeds
{
    /// <summary>
    /// The 64-bit seed of sub-stream <paramref name="index"/>: two rounds of SplitMix64's mixer (Steele, Lea &amp; Flood,
    /// "Fast splittable pseudorandom number generators", OOPSLA 2014) over the seed and the index. All 64 bits are
    /// kept: with 31 (as before), 100,000 paths shared about two seeds.
    /// </summary>
    public static ulong Derive(int seed, long index) =>
        Mix(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL) ^ Mix(unchecked((ulong)index + 0x632BE59BD9B4E019UL)));

    // One SplitMix64 step from state z: its output.
    private static ulong Mix(ulong z) => Xoshiro256StarStar.SplitMix64(ref z);
}
