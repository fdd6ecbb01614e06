namespace Alvh.Data.Research;

/// <summary>
/// Keeps a sweep's resident set from growing with its size: its loops (checking every value of the grid, running
/// every point) collect the young generations once they have allocated <see cref="CollectEvery"/> bytes since the
/// last collection.
/// </summary>
/// <remarks>
/// The GC sizes its youngest generation from the L3 cache (the reference VM reported 300 MiB when this was written,
/// 32 MiB at stop 31, where a collection came every 12 MB allocated) and runtimeconfig cannot set it (<c>GCgen0size</c> is read
/// from the environment only). Left alone, a 100,000-run DRIP sweep's resident set
/// climbed to 203-207 MB while a 1,000-run one peaked at 175-192 MB. Measured cost of the collections: none (1,316
/// runs/s without, 1,362 with). Generation 1 is collected with the youngest: a collection between parts finds the
/// runs in flight alive and promotes them, and collected in generation 1 they no longer reach generation 2. Four
/// 100,000-run DRIP sweeps of each peaked at 103-106 MB (generation 1) against 106-110 MB (generation 0 alone), at
/// the same speed. What remains of a long sweep's growth is compiled code: the GC heap stays at 19 MB (39 MB
/// committed) from the first part on, while tiered compilation goes from about 4,300 to 8,000 methods.
/// </remarks>
internal static class SweepMemory
{
    /// <summary>
    /// Bytes allocated between collections: a DRIP run of 2015-2025 allocates 250-310 KB (stop 31; 0.5 MB when this was first written), so a part
    /// of 64 such runs is collected after it (with --flush-every 1 every 16th or so), and checking a DRIP grid value about
    /// 14 KB. Collecting inside a chunk as well (every 4 MB, by the workers) kept a long sweep's resident set 12 MB lower
    /// but cost 4-10% of its speed (0.7 ms a collection): not done (PERFORMANCE-NOTES, stop 31).
    /// </summary>
    internal const long CollectEvery = 4 << 20;

    /// <summary>The mark to pass to <see cref="Collect"/> first.</summary>
    internal static long Start() => GC.GetTotalAllocatedBytes();

    /// <summary>Collects generations 0 and 1 when <see cref="CollectEvery"/> bytes have been allocated since <paramref name="mark"/>, and moves the mark.</summary>
    internal static void Collect(ref long mark)
    {
        long allocated = GC.GetTotalAllocatedBytes();
        if (allocated - mark < CollectEvery) return;
        GC.Collect(1, GCCollectionMode.Forced, blocking: true);
        mark = allocated;
    }
}
