using System.Collections;
using Alvh.Ledger;
using Alvh.MarketData;

namespace Alvh.Engine;

/// <summary>
/// The daily records of a run stored as columns (one array of doubles per field), which is how the engine
/// writes them: nothing is allocated per day. Reading a row through the list interface builds its
/// <see cref="DailyRecord"/>; analytics read the columns.
/// </summary>
public sealed class DailyTable : IReadOnlyList<DailyRecord>
{
    private readonly TradingCalendar _calendar;
    private readonly int _start;
    private readonly double[] _equity;
    private readonly TradeLedger _ledger;
    private double[]? _cash;
    private readonly double[]? _sleeveValues;
    private readonly int _sleeveCount;
    private readonly double[]? _vix;
    private double[]? _drawdown;
    private readonly RunBuffers? _buffers;
    private readonly int _generation;

    /// <summary>Wraps the columns the engine wrote.</summary>
    /// <param name="calendar">Trading calendar of the run.</param>
    /// <param name="start">Calendar index of the first row.</param>
    /// <param name="equity">Portfolio value per row.</param>
    /// <param name="ledger">The run's ledger (the cash column is replayed from it on first use).</param>
    /// <param name="sleeveValues">Sleeve values, row-major (rows × sleeves); null with one sleeve (its value is the equity).</param>
    /// <param name="sleeveCount">Number of sleeves.</param>
    /// <param name="vix">VIX closes aligned to the whole calendar, or null.</param>
    /// <param name="buffers">The reused buffers holding the columns, or null when they are the run's own.</param>
    /// <param name="generation">The run's generation on <paramref name="buffers"/>.</param>
    internal DailyTable(TradingCalendar calendar, int start, double[] equity, TradeLedger ledger, double[]? sleeveValues, int sleeveCount, double[]? vix,
        RunBuffers? buffers = null, int generation = 0)
    {
        _buffers = buffers;
        _generation = generation;
        _calendar = calendar;
        _start = start;
        _equity = equity;
        _ledger = ledger;
        _sleeveValues = sleeveValues;
        _sleeveCount = sleeveCount;
        _vix = vix;
    }

    /// <inheritdoc />
    public int Count => EquityColumn.Length;

    /// <summary>Trading days of the rows.</summary>
    public ReadOnlySpan<DateOnly> Dates => _calendar.Days.Slice(_start, EquityColumn.Length);

    /// <summary>Portfolio value per row, dollars.</summary>
    public ReadOnlySpan<double> Equity => EquityColumn;

    /// <summary>
    /// Cash of all sleeves per row, dollars: the ledger's entries replayed in order into a balance per sleeve
    /// (the ledger's own additions), the balances summed in the ledger's sleeve order at each close — the
    /// same bits as reading the ledger's total at that close, without a column written every day.
    /// </summary>
    public ReadOnlySpan<double> Cash
    {
        get
        {
            ThrowIfReused();
            if (_cash is { } done) return done;
            var cash = new double[EquityColumn.Length];
            var entries = _ledger.Entries;
            var sleeves = new List<string>();
            var balances = new List<double>();
            int e = 0;
            for (int row = 0; row < cash.Length; row++)
            {
                var date = _calendar[_start + row];
                for (; e < entries.Count && entries[e].Date <= date; e++)
                {
                    var entry = entries[e];
                    int s = sleeves.IndexOf(entry.Sleeve);
                    if (s < 0)
                    {
                        s = sleeves.Count;
                        sleeves.Add(entry.Sleeve);
                        balances.Add(0);
                    }
                    balances[s] += entry.Cash;
                }
                double total = 0;
                foreach (double b in balances) total += b;
                cash[row] = total;
            }
            _cash = cash; // a race computes the same values twice: harmless
            return cash;
        }
    }

    /// <summary>Value of sleeve <paramref name="sleeve"/> (run order) on row <paramref name="row"/>, dollars.</summary>
    public double SleeveValue(int row, int sleeve) => _sleeveValues is null ? EquityColumn[row] : SleeveValuesColumn[(row * _sleeveCount) + sleeve];

    /// <summary>VIX close on row <paramref name="row"/> (NaN when missing).</summary>
    public double Vix(int row)
    {
        ThrowIfReused();
        return _vix is null ? double.NaN : _vix[_start + row];
    }

    /// <summary>Equity / running peak − 1 per row (computed on first use, in row order as the engine used to).</summary>
    public ReadOnlySpan<double> Drawdown
    {
        get
        {
            ThrowIfReused();
            if (_drawdown is { } done) return done;
            var equity = EquityColumn;
            var drawdown = new double[equity.Length];
            double peak = 0;
            for (int i = 0; i < drawdown.Length; i++)
            {
                peak = Math.Max(peak, equity[i]);
                drawdown[i] = equity[i] / peak - 1;
            }
            _drawdown = drawdown; // a race computes the same values twice: harmless
            return drawdown;
        }
    }

    /// <inheritdoc />
    public DailyRecord this[int index]
    {
        get
        {
            if ((uint)index >= (uint)EquityColumn.Length) throw new ArgumentOutOfRangeException(nameof(index));
            var values = new double[_sleeveCount];
            for (int k = 0; k < values.Length; k++) values[k] = SleeveValue(index, k);
            return new DailyRecord(_calendar[_start + index], EquityColumn[index], Cash[index], values, Vix(index), Drawdown[index]);
        }
    }

    /// <summary>The equity column, once checked to be this run's still (<see cref="RunBuffers"/>).</summary>
    private double[] EquityColumn
    {
        get
        {
            ThrowIfReused();
            return _equity;
        }
    }

    /// <summary>The sleeve values column (more than one sleeve), checked as <see cref="EquityColumn"/>.</summary>
    private double[] SleeveValuesColumn
    {
        get
        {
            ThrowIfReused();
            return _sleeveValues!;
        }
    }

    /// <summary>
    /// Throws once the run's <see cref="RunBuffers"/> served a later run: every read of the table, the columns computed
    /// from it on first use (cash, drawdown) included, so that a kept result fails alike whatever it reads first.
    /// </summary>
    private void ThrowIfReused()
    {
        if (_buffers is not null && _buffers.Generation != _generation) throw Reused();
    }

    private static RunBuffersReusedException Reused() =>
        new("this run's daily columns were reused by a later run on the same RunBuffers: read a result before the next run on its buffers");

    /// <inheritdoc />
    public IEnumerator<DailyRecord> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
