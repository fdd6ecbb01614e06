namespace Alvh.Engine;

/// <summary>
/// The daily columns (equity, and each sleeve's value when a run has more than one), the ledger's entry rows and the
/// trades' rows that a caller running many backtests one after another reuses from run to run: a sweep's worker, a
/// Monte Carlo thread. A run given them writes its columns into their arrays when the length fits, and its ledger
/// entries and trades into the rows the run before wrote, instead of allocating new ones; the <see cref="DailyTable"/>,
/// the ledger entries and the trades of the run before become unreadable: any read of them throws
/// <see cref="InvalidOperationException"/> (as does an entry or a fill appended to them, which would overwrite one of
/// the later run's), so a result kept too long fails loudly instead of showing another run's days, entries or fills.
/// Read what a result is needed for (its metrics, its final value, its trade count, its ledger's hash) before the next
/// run on the same buffers. Its dropped orders and the ledger's cash and positions are the run's own and stay readable;
/// so do its ledger entries and trades when the buffers are made with <c>reuseRecords: false</c>.
/// </summary>
/// <remarks>
/// Why: a run's columns and rows are most of what it allocates (the canonical 9,000-bar backtest: 72 KB of its
/// 87 KB was its equity column; a DRIP run of 2015-2025 in a sweep allocated 231 KB, 167 KB of it its ledger's rows,
/// one T-bill interest entry a day, then 31 KB with the ledger's rows reused, and 4.6 KB less with its 45 fills' rows
/// reused too), and the garbage made a sweep pay for collections and for memory the caches had not seen, and grew its
/// resident set. One run at a time: a second run started on buffers in use throws.
/// Every row is written by the run, so reuse changes no bit of any result.
/// </remarks>
/// <param name="reuseRecords">Whether runs also reuse the ledger's entry rows and the trades' rows (true: a kept result's ledger entries and trades are unreadable after the next run; the canonical 10/100 backtest allocated 29 KB with the ledger's rows reused, 23 KB of it its 172 trades' chunks growing).</param>
public sealed class RunBuffers(bool reuseRecords = true)
{
    private double[] _equity = [];
    private double[] _sleeveValues = [];
    private int _busy;

    /// <summary>The ledger's row chunks, reused by each run's ledger in turn (its cash, positions and instruments stay its own); null when the buffers keep each run's records its own.</summary>
    internal Ledger.ChunkStore<Ledger.EntryChunk>? LedgerRows { get; } = reuseRecords ? new() : null;

    /// <summary>The trades' row chunks, reused by each run in turn; null when the buffers keep each run's records its own.</summary>
    internal Ledger.ChunkStore<TradeRows.Row[]>? TradeRows { get; } = reuseRecords ? new() : null;

    /// <summary>Counts the runs given these buffers; a <see cref="DailyTable"/> remembers the one it belongs to.</summary>
    internal int Generation { get; private set; }

    /// <summary>
    /// Starts a run of <paramref name="days"/> days and <paramref name="sleeveCount"/> sleeves on these buffers:
    /// the arrays it writes (sleeve values null for one sleeve) and its generation.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another run is using these buffers.</exception>
    internal (double[] Equity, double[]? SleeveValues, int Generation) Start(int days, int sleeveCount)
    {
        if (Interlocked.Exchange(ref _busy, 1) != 0) throw new InvalidOperationException("these RunBuffers are in use by another run: give each thread its own");
        try
        {
            if (_equity.Length != days) _equity = GC.AllocateUninitializedArray<double>(days);
            double[]? values = null;
            if (sleeveCount > 1)
            {
                int cells = checked(days * sleeveCount);
                if (_sleeveValues.Length != cells) _sleeveValues = GC.AllocateUninitializedArray<double>(cells);
                values = _sleeveValues;
            }
            return (_equity, values, ++Generation);
        }
        catch
        {
            // The run never started (its columns could not be allocated): the buffers stay free, as after a run that failed.
            End();
            throw;
        }
    }

    /// <summary>Ends the run started by <see cref="Start"/> (also when it failed).</summary>
    internal void End() => Volatile.Write(ref _busy, 0);
}
