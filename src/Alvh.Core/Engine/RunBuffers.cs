namespace Alvh.Engine;

/// <summary>
/// The daily columns (equity, and each sleeve's value when a run has more than one) that a caller running many
/// backtests one after another reuses from run to run: a sweep's worker, a Monte Carlo thread. A run given them
/// writes its columns into their arrays when the length fits, instead of allocating new ones, and the
/// <see cref="DailyTable"/> of the run before becomes unreadable: any read of it throws
/// <see cref="InvalidOperationException"/>, so a result kept too long fails loudly instead of showing another run's
/// days. Read what a result is needed for (its metrics, its final value) before the next run on the same buffers;
/// the ledger, trades and dropped orders are the run's own and stay readable.
/// </summary>
/// <remarks>
/// Why: a run's columns are most of what it allocates (the canonical 9,000-bar backtest: 72 KB of its 87 KB), and on
/// two threads the garbage made a sweep pay for collections and for memory the caches had not seen. One run at a
/// time: a second run started on buffers in use throws. Every row is written by the run, so reuse changes no bit of
/// any result.
/// </remarks>
public sealed class RunBuffers
{
    private double[] _equity = [];
    private double[] _sleeveValues = [];
    private int _busy;

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
