using Alvh.Ledger;
using Alvh.MarketData;

namespace Alvh.Engine;

/// <summary>
/// The daily loop. For every trading day, in this fixed order:
/// <list type="number">
/// <item>mark to market every open position at the close (the model's mid);</item>
/// <item>expirations and settlements (options expiring today close at their settlement value);</item>
/// <item>dividends (entitlement on the ex-date for shares held at the previous close; cash on the pay
/// date; DRIP reinvestment at the pay-date close);</item>
/// <item>interest on each sleeve's cash for the calendar days since the previous close, at the rate known
/// at that close;</item>
/// <item>fills of the intents decided at the previous close (next tradable price: equities at today's
/// open, options at today's model price);</item>
/// <item>reconciliation: cash + marks + dividends receivable must equal the equity tracked from P&amp;L;</item>
/// <item>sleeves decide from data up to this close (in same-close mode their intents fill at once);</item>
/// <item>record the day.</item>
/// </list>
/// </summary>
/// <remarks>
/// The loop works on integer indices: the ledger numbers sleeves and instruments, and the engine keeps
/// each instrument's mark, previous mark, mark series and dividend cursor in arrays by that number. A day
/// with nothing to settle, pay or fill reads a few array slots per open position and allocates nothing;
/// the day's record goes into column arrays (<see cref="DailyTable"/>).
/// </remarks>
public sealed partial class BacktestEngine : IMarkSource
{
    private readonly MarketDataSet _data;
    private readonly ISleeve[] _sleeves;
    private readonly IPriceModel _prices;
    private readonly BacktestConfig _config;
    private readonly MarketView _market;
    private readonly TradeLedger _ledger = new();
    private readonly List<Receivable> _receivables = [];
    private readonly List<Intent> _pending = [];
    private readonly TradeRows _trades;
    private readonly List<DroppedOrder> _dropped = [];
    private readonly Lazy<Signals> _signals;
    // Per instrument (ledger index): today's mark and the day it was taken, the previous close's mark and
    // its day, the mark series when the price model has one, and the dividends with a cursor.
    private double[] _marks = [];
    private int[] _markDay = [];
    private double[] _prevMarks = [];
    private int[] _prevMarkDay = [];
    private double[]?[] _markSeries = [];
    private bool[] _markCarried = [];
    private InstrumentDividends?[] _dividends = [];
    private int[] _expiryDay = [];
    private double[] _multiplier = [];
    // Per-bar scratch, reused every day.
    private Held[] _carried = new Held[8];
    private int _carriedCount;
    private readonly double[] _sleeveValues;
    private readonly int[] _ledgerSleeve;
    private readonly SleeveContext[] _contexts;
    private readonly bool _hasRates;
    private readonly ISpanSleeve? _span;
    private double _trackedEquity;
    private long _optionValuations;
    private long _sleeveValuations;

    private BacktestEngine(MarketDataSet data, IReadOnlyList<ISleeve> sleeves, IPriceModel prices, BacktestConfig config)
    {
        _data = data;
        _sleeves = [.. sleeves];
        _prices = prices;
        _config = config;
        _market = new MarketView(data);
        _trades = new TradeRows(_ledger);
        // Built on first use: a sleeve that reads no gate (a user's equity rule, the canonical benchmark) pays nothing for them.
        _signals = new Lazy<Signals>(() => Signals.Of(data, config.Signals), LazyThreadSafetyMode.None);
        _hasRates = !config.RiskFreeRate.IsEmpty;
        if (!config.RiskFreeGrowth.IsEmpty && (config.RiskFreeGrowth.Length != data.Calendar.Count || config.RiskFreeRate.Length != data.Calendar.Count))
        {
            // The table stands for the daily exponential only when both cover the calendar (a short rate series would
            // make the daily path fail where the table's NaN books no interest).
            throw new ArgumentException($"the risk-free growth has {config.RiskFreeGrowth.Length} days and the rates {config.RiskFreeRate.Length}, the calendar {data.Calendar.Count}", nameof(config));
        }
        _span = _sleeves.Length == 1 && config.SpanDecisions && config.QuietDays ? _sleeves[0] as ISpanSleeve : null;
        _sleeveValues = new double[_sleeves.Length];
        _ledgerSleeve = new int[_sleeves.Length];
        _ledgerSleeve.AsSpan().Fill(-1);
        var names = _sleeves.Select(s => s.Name).ToArray();
        _contexts = _sleeves.Select(s => new SleeveContext(_market, _ledger, this, _signals, s.Name, names, _sleeveValues, _config.FillTiming)).ToArray();
    }

    /// <summary>Runs the sleeves over the configured range.</summary>
    /// <param name="data">Market data.</param>
    /// <param name="sleeves">Sleeves, with allocations summing to 1.</param>
    /// <param name="prices">Price model.</param>
    /// <param name="config">Engine settings.</param>
    /// <param name="buffers">
    /// Daily columns, ledger rows and trade rows reused from the caller's previous run (<see cref="RunBuffers"/>: that run's
    /// daily table and, unless the buffers keep records, its ledger entries and trades become unreadable), or null for
    /// columns and rows of the run's own.
    /// </param>
    public static BacktestResult Run(MarketDataSet data, IReadOnlyList<ISleeve> sleeves, IPriceModel prices, BacktestConfig config, RunBuffers? buffers = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(sleeves);
        if (sleeves.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != sleeves.Count) throw new ArgumentException("sleeve names must be unique", nameof(sleeves));
        double allocation = sleeves.Sum(s => s.Allocation);
        if (Math.Abs(allocation - 1) > 1e-9) throw new ArgumentException($"sleeve allocations must sum to 1, got {allocation}", nameof(sleeves));
        return new BacktestEngine(data, sleeves, prices, config).Run(buffers);
    }

    private BacktestResult Run(RunBuffers? buffers)
    {
        var calendar = _data.Calendar;
        int start = calendar.IndexOnOrAfter(_config.From ?? calendar.First);
        int end = calendar.IndexOnOrBefore(_config.To ?? calendar.Last);
        if (start > end)
        {
            // Why, too: a reversed range was not called reversed, and a start after the data only echoed the clipped end.
            var (from, to) = (_config.From ?? calendar.First, _config.To ?? calendar.Last);
            string why = from > calendar.Last ? FormattableString.Invariant($"the data end on {calendar.Last:yyyy-MM-dd}")
                : to < calendar.First ? FormattableString.Invariant($"the data start on {calendar.First:yyyy-MM-dd}")
                : from > to ? "the start is after the end"
                : "no trading day falls in it";
            throw new ArgumentException(FormattableString.Invariant($"no trading days between {from:yyyy-MM-dd} and {to:yyyy-MM-dd}: {why}"));
        }

        int days = end - start + 1;
        int sleeveCount = _sleeves.Length;
        if (buffers is null)
        {
            var equities = GC.AllocateUninitializedArray<double>(days);
            var sleeveValues = sleeveCount > 1 ? GC.AllocateUninitializedArray<double>(days * sleeveCount) : null;
            return Run(start, end, equities, sleeveValues, null, 0);
        }
        var (leased, leasedValues, generation) = buffers.Start(days, sleeveCount);
        try
        {
            if (buffers.LedgerRows is { } rows) _ledger.UseRowStore(rows);
            if (buffers.TradeRows is { } trades) _trades.UseStore(trades);
            return Run(start, end, leased, leasedValues, buffers, generation);
        }
        finally
        {
            buffers.End();
        }
    }

    /// <summary>The daily loop from calendar day <paramref name="start"/> through <paramref name="end"/>, writing every row of the columns given.</summary>
    private BacktestResult Run(int start, int end, double[] equities, double[]? sleeveValues, RunBuffers? buffers, int generation)
    {
        var calendar = _data.Calendar;
        int sleeveCount = _sleeves.Length;
        for (int t = start; t <= end; t++)
        {
            _market.MoveTo(t);
            var date = calendar[t];
            if (t == start) Deposit(date);
            // (a span decision below may move t and date forward past the days it decided)
            double equity;
            if (t > start && !_hasRates && _pending.Count == 0 && _receivables.Count == 0 && _config.QuietDays && IsQuietBook())
            {
                equity = QuietDay(t, date);
            }
            else
            {
                double pnl = 0;
                // Each step runs only when it has something to do (its P&L is otherwise 0, and adding 0 changes no bits).
                var carried = CarryAndMark(t, date.DayNumber, out double markChanges);
                // Interest first: it is earned on the cash held since the previous close, before today's settlements
                // and dividends are paid (booked after them, it paid a day or a weekend on a settlement's cash).
                if (t > start && _hasRates) pnl += Interest(t, calendar[t - 1], date);
                // A.M. settlements come before the open's fills, P.M. ones after them: an open fill's cash check read the
                // settlement of an option settling at that day's close.
                if (carried.Expiring) pnl += Settle(t, date, atOpen: true);
                if (carried.PayDividends || _receivables.Count != 0) pnl += Dividends(t, date);
                if (_pending.Count != 0) pnl += FillPending(t, date, atOpen: true);
                if (carried.Expiring) pnl += Settle(t, date, atOpen: false);
                pnl += markChanges;
                _trackedEquity += pnl;
                // Reconcile leaves today's sleeve values in _sleeveValues; deciding only adds intents (the ledger,
                // marks and receivables do not change), so the same values serve the decisions and the record.
                equity = Reconcile(date);
            }

            if (_span is not null && t < end && !_hasRates && _pending.Count == 0 && _receivables.Count == 0 && IsQuietBook())
            {
                int decided = DecideSpan(t, end, equity);
                if (decided > t)
                {
                    equities[t - start] = equity;
                    equity = QuietSpan(t + 1, decided, equities, start);
                    t = decided;
                    _market.MoveTo(t);
                    date = calendar[t];
                }
            }
            else
            {
                Decide(equity);
            }

            if (_config.FillTiming == FillTiming.SameClose && _pending.Count != 0)
            {
                _trackedEquity += FillPending(t, date, atOpen: false);
                equity = Reconcile(date);
            }

            int row = t - start;
            equities[row] = equity;
            if (sleeveValues is not null) _sleeveValues.CopyTo(sleeveValues, row * sleeveCount);
        }

        var daily = new DailyTable(calendar, start, equities, _ledger, sleeveValues, sleeveCount, _data.Has("vix") ? _data.Aligned("vix") : null, buffers, generation);
        var (config, prices, sleeves) = (_config, _prices, _sleeves);
        var assumptions = new LazyList<Assumption>(() => config.Assumptions().Concat(prices.Assumptions).Concat(sleeves.SelectMany(s => s.Parameters.Select(a => a with { Name = $"{s.Name}.{a.Name}" }))).ToList());
        return new BacktestResult(_sleeves.Select(s => s.Name).ToArray(), daily, _trades, _ledger, _dropped, assumptions, _optionValuations) { SleeveValuations = _sleeveValuations };
    }

    private void Deposit(DateOnly date)
    {
        foreach (var s in _sleeves.AsSpan())
        {
            double amount = _config.InitialCapital * s.Allocation;
            if (amount != 0) _ledger.Append(date, EntryKind.Deposit, s.Name, default, 0, 0, amount, "initial capital");
        }
        _trackedEquity = _config.InitialCapital;
    }

    /// <summary>
    /// Copies the open positions at the previous close (settlements and fills append to the ledger while
    /// they are walked), marks them at today's close and sums the mark-to-market P&amp;L of those that do not
    /// settle today; says whether any settles today or pays dividends.
    /// </summary>
    private CarriedDay CarryAndMark(int day, int today, out double markChanges)
    {
        var slots = _ledger.Slots;
        if (_carried.Length < slots.Length) _carried = new Held[Math.Max(slots.Length, 2 * _carried.Length)];
        int n = 0;
        bool expiring = false, dividends = false;
        double pnl = 0;
        foreach (ref readonly var slot in slots)
        {
            if (!slot.Live) continue;
            int i = slot.Instrument;
            double quantity = slot.Position.Quantity;
            _carried[n++] = new Held(slot.Sleeve, i, quantity);
            if (_markDay[i] != day) KeepPreviousMark(i, day);
            double mark = MarkOf(i, day);
            if (_expiryDay[i] <= today)
            {
                expiring = true; // settled today (only options expire)
                continue;
            }
            dividends |= _dividends[i] is not null;
            pnl += quantity * (mark - _prevMarks[i]) * _multiplier[i];
        }
        _carriedCount = n;
        markChanges = pnl;
        return new CarriedDay(expiring, dividends);
    }

    private ReadOnlySpan<Held> Carried => _carried.AsSpan(0, _carriedCount);

    /// <summary>
    /// For the first holder of instrument <paramref name="i"/> seen on <paramref name="day"/>: the position was
    /// valued at the previous close, so the mark still in the array is that close's; it becomes the previous
    /// mark before today's replaces it.
    /// </summary>
    private void KeepPreviousMark(int i, int day)
    {
        _prevMarks[i] = _markDay[i] == day - 1 ? _marks[i] : throw NoPreviousMark(i);
        _prevMarkDay[i] = day - 1;
    }

    private InvalidOperationException NoPreviousMark(int i) => new($"{_ledger.InstrumentAt(i).Id} has no mark at the previous close");

    /// <summary>Leaves instrument <paramref name="i"/>'s marks as the day-by-day path would after day <paramref name="to"/> of a span.</summary>
    private void EndSpanMarks(int i, double previous, double mark, bool carried, int to)
    {
        _prevMarks[i] = previous;
        _prevMarkDay[i] = to - 1;
        _marks[i] = mark;
        _markDay[i] = to;
        _markCarried[i] = carried;
    }

    private int _describedThrough;

    /// <summary>The ledger index of an instrument, with its per-instrument slots ready.</summary>
    private int Index(in Instrument instrument)
    {
        int index = _ledger.Intern(instrument);
        if (index >= _describedThrough) EnsureDescribed();
        return index;
    }

    /// <summary>Sizes the per-instrument arrays for every instrument the ledger has numbered and resolves, once each, what the loop needs to know about the new ones.</summary>
    private void EnsureDescribed()
    {
        int count = _ledger.InstrumentCount;
        int old = _marks.Length;
        if (count > old)
        {
            int size = Math.Max(count, Math.Max(8, 2 * old));
            Array.Resize(ref _marks, size);
            Array.Resize(ref _markDay, size);
            Array.Resize(ref _prevMarks, size);
            Array.Resize(ref _prevMarkDay, size);
            Array.Resize(ref _markSeries, size);
            Array.Resize(ref _markCarried, size);
            Array.Resize(ref _dividends, size);
            Array.Resize(ref _expiryDay, size);
            Array.Resize(ref _multiplier, size);
            _markDay.AsSpan(old).Fill(-1);
            _prevMarkDay.AsSpan(old).Fill(-1);
        }
        for (int i = _describedThrough; i < count; i++)
        {
            var instrument = _ledger.InstrumentAt(i);
            _markSeries[i] = _prices.MarkSeries(instrument);
            _expiryDay[i] = instrument.IsOption ? instrument.Expiry.DayNumber : int.MaxValue;
            _multiplier[i] = instrument.Multiplier;
            _dividends[i] = !instrument.IsOption && _config.Dividends.TryGetValue(instrument.Symbol, out var list) && list.Count > 0 ? new InstrumentDividends(list) : null;
        }
        _describedThrough = count;
    }

    /// <summary>Today's mark of instrument <paramref name="index"/>: taken once a day, then read from the array.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private double MarkOf(int index, int day) =>
        (uint)index < (uint)_describedThrough && _markDay[index] == day ? _marks[index] : TakeMark(index, day);

    private double TakeMark(int index, int day)
    {
        if (index >= _describedThrough) EnsureDescribed();
        if (_markDay[index] == day) return _marks[index];
        double m = ModelMark(index, day);
        // A missing mark (no quote that day) carries the last one: documented, and rare (gaps are reported by the catalog).
        bool carried = double.IsNaN(m);
        if (carried) m = _prevMarkDay[index] == day - 1 ? _prevMarks[index] : throw new InvalidOperationException($"no price for {_ledger.InstrumentAt(index).Id} on day {day}");
        _marks[index] = m;
        _markDay[index] = day;
        _markCarried[index] = carried;
        return m;
    }

    bool IMarkSource.SettlesAtOpen(in Instrument instrument) => _prices.SettlesAtOpen(instrument);

    void IMarkSource.CountValuations(int count)
    {
        _optionValuations += count;
        _sleeveValuations += count;
    }

    /// <summary>
    /// The price model's quote for a trade at today's close, counted as an option valuation (it prices the option again).
    /// None where a fill at the close is refused, by the fills' own rule (<see cref="NotTradable"/>): an option expiring
    /// today or before (an A.M. one settled at the open, a P.M. one settles at this close). The model's price at no time
    /// left, its intrinsic value, quoted a sale that could not happen.
    /// </summary>
    FillQuote IMarkSource.CloseQuote(in Instrument instrument, double quantity)
    {
        // At the close the rule reads no order (only an open's fill asks whether an order closes a position): none is given.
        if (NotTradable(instrument, _market.Date, atOpen: false, []) is not null) return new FillQuote(double.NaN, 0, false);
        var quote = _prices.Fill(new FillRequest(instrument, _market.Today, quantity, AtOpen: false));
        if (instrument.IsOption) _optionValuations++;
        return quote;
    }

    /// <summary>
    /// Today's model mark of <paramref name="instrument"/> for a sleeve: the engine's own mark when it has
    /// taken it today (an open position is marked once a day, not again by each sleeve that reads it), NaN
    /// when the model has no price (a carried-forward mark is the engine's rule, not a quote).
    /// </summary>
    double IMarkSource.Mark(in Instrument instrument)
    {
        int day = _market.Today;
        int index = Index(instrument);
        if (_markDay[index] == day) return _markCarried[index] ? double.NaN : _marks[index];
        double m = ModelMark(index, day);
        if (double.IsNaN(m)) return m;
        _marks[index] = m;
        _markDay[index] = day;
        _markCarried[index] = false;
        return m;
    }

    /// <summary>The model's mark of instrument <paramref name="index"/> on <paramref name="day"/> (its series when it has one; NaN when unknown); option valuations are counted here.</summary>
    private double ModelMark(int index, int day)
    {
        if (_markSeries[index] is { } series) return series[day];
        var instrument = _ledger.InstrumentAt(index);
        if (instrument.IsOption) _optionValuations++;
        return _prices.Mark(instrument, day);
    }

    private int _quietCheckedAt = -1;
    private bool _quietBook;

    /// <summary>
    /// True when every open position is an equity marked from a series, without dividends: then a day with
    /// no rate, no intent to fill and nothing receivable has only marks to take (checked again after each
    /// ledger entry, as only an entry changes the book).
    /// </summary>
    private bool IsQuietBook()
    {
        int entries = _ledger.EntryCount;
        if (entries == _quietCheckedAt) return _quietBook;
        _quietCheckedAt = entries;
        if (_runSleeve.Length != _ledger.SleeveCount) RunSleeveOfLedgerSleeve();
        _quietBook = true;
        foreach (ref readonly var slot in _ledger.Slots)
        {
            if (!slot.Live) continue;
            int i = slot.Instrument;
            if (i >= _describedThrough || _markSeries[i] is null || _dividends[i] is not null || _expiryDay[i] != int.MaxValue) _quietBook = false;
        }
        return _quietBook;
    }

    /// <summary>
    /// A quiet day (see <see cref="IsQuietBook"/>) in one pass over the book: the same operations in the same
    /// order as the general path's marking, mark-to-market P&amp;L, sleeve values and reconciliation, without
    /// the steps that have nothing to do. Tests hold the two paths to the same bits.
    /// </summary>
    private double QuietDay(int day, DateOnly date)
    {
        var values = _sleeveValues;
        for (int k = 0; k < values.Length; k++)
        {
            int s = _ledgerSleeve[k];
            values[k] = s < 0 ? 0 : _ledger.CashAt(s);
        }
        var bySleeve = _runSleeve;
        double markChanges = 0;
        foreach (ref readonly var slot in _ledger.Slots)
        {
            if (!slot.Live) continue;
            int i = slot.Instrument;
            if (_markDay[i] != day) KeepPreviousMark(i, day);
            double m = MarkOf(i, day);
            double quantity = slot.Position.Quantity, multiplier = _multiplier[i];
            markChanges += quantity * (m - _prevMarks[i]) * multiplier;
            int k = bySleeve[slot.Sleeve];
            if (k >= 0) values[k] += quantity * m * multiplier;
        }
        double pnl = 0;
        pnl += markChanges;
        _trackedEquity += pnl;
        double equity = 0;
        for (int k = 0; k < values.Length; k++) equity += values[k];
        return Check(equity, date);
    }

    /// <summary>
    /// Fills <see cref="_sleeveValues"/> (cash, then open positions at today's marks in slot order, then
    /// dividends receivable) in one pass over the book, and returns their sum, the portfolio equity.
    /// </summary>
    private double Values()
    {
        var values = _sleeveValues;
        var bySleeve = _runSleeve.Length == _ledger.SleeveCount ? _runSleeve : RunSleeveOfLedgerSleeve();
        for (int i = 0; i < values.Length; i++)
        {
            int s = _ledgerSleeve[i];
            values[i] = s < 0 ? 0 : _ledger.CashAt(s);
        }
        int day = _market.Today;
        foreach (ref readonly var p in _ledger.Slots)
        {
            if (!p.Live) continue;
            int k = bySleeve[p.Sleeve];
            if (k >= 0) values[k] += p.Position.Quantity * MarkOf(p.Instrument, day) * _multiplier[p.Instrument];
        }
        for (int k = 0; k < _receivables.Count; k++) values[_receivables[k].RunSleeve] += _receivables[k].Amount;
        double equity = 0;
        for (int i = 0; i < values.Length; i++) equity += values[i];
        return equity;
    }

    /// <summary>For each sleeve the ledger has numbered, its index among this run's sleeves (−1 for none); and the reverse map in <see cref="_ledgerSleeve"/>.</summary>
    private int[] RunSleeveOfLedgerSleeve()
    {
        int count = _ledger.SleeveCount;
        if (_runSleeve.Length == count) return _runSleeve;
        var map = new int[count];
        for (int s = 0; s < count; s++)
        {
            map[s] = -1;
            for (int i = 0; i < _sleeves.Length; i++)
            {
                if (_sleeves[i].Name == _ledger.SleeveAt(s))
                {
                    map[s] = i;
                    _ledgerSleeve[i] = s;
                }
            }
        }
        return _runSleeve = map;
    }

    private int[] _runSleeve = [];

    private double Reconcile(DateOnly date) => Check(Values(), date);

    /// <summary>The reconciliation: the sleeve values' sum must equal the equity tracked from P&amp;L.</summary>
    private double Check(double equity, DateOnly date)
    {
        double diff = equity - _trackedEquity;
        if (Math.Abs(diff) > _config.ReconciliationTolerance * Math.Max(1, Math.Abs(equity)))
        {
            throw new InvalidOperationException(FormattableString.Invariant(
                $"ledger does not reconcile on {date:yyyy-MM-dd}: cash + marks + receivables = {equity:R}, equity tracked from P&L = {_trackedEquity:R} (difference {diff:R})"));
        }
        return equity;
    }

    private void Decide(double equity)
    {
        for (int i = 0; i < _sleeves.Length; i++)
        {
            var s = _sleeves[i];
            var context = _contexts[i];
            context.MoveTo(_sleeveValues[i], equity);
            int before = _pending.Count;
            s.Decide(context, _pending);
            CheckIntents(s, before);
        }
    }

    /// <summary>
    /// The lone span sleeve decides today's close and the next ones through <paramref name="last"/> in one call
    /// (today's book is quiet, so no later day of the span can change it before the sleeve acts); returns the
    /// day it decided last.
    /// </summary>
    private int DecideSpan(int today, int last, double equity)
    {
        var sleeve = _span!;
        var context = _contexts[0];
        context.MoveTo(_sleeveValues[0], equity);
        _market.OpenSpan(last);
        int decided = sleeve.DecideSpan(context, last, _pending);
        if (decided < today || decided > last) throw SpanOutside(sleeve, decided, today, last);
        if (decided < last && _pending.Count == 0) throw SpanWithoutIntent(sleeve, decided);
        CheckIntents(sleeve, 0);
        return decided;
    }

    /// <summary>A sleeve may only issue intents for itself: checks those it added from <paramref name="from"/> on.</summary>
    private void CheckIntents(ISleeve sleeve, int from)
    {
        // Read in place: each list read would copy a whole intent (88 bytes with four references).
        var pending = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_pending);
        for (int k = from; k < pending.Length; k++)
        {
            string name = pending[k].Sleeve;
            if (!ReferenceEquals(name, sleeve.Name) && name != sleeve.Name) throw ForeignIntent(sleeve, name);
        }
    }

    // The errors for a sleeve that breaks the decision contract, formatted out of line: inlined at the throw,
    // the messages' temporaries made the span path zero a 760-byte frame on every call.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static InvalidOperationException SpanOutside(ISleeve sleeve, int decided, int today, int last) =>
        new($"sleeve {sleeve.Name} decided a span through day {decided}, outside {today}..{last}");

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static InvalidOperationException SpanWithoutIntent(ISleeve sleeve, int decided) =>
        new($"sleeve {sleeve.Name} stopped its span on day {decided} without an intent");

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static InvalidOperationException ForeignIntent(ISleeve sleeve, string other) =>
        new($"sleeve {sleeve.Name} issued an intent for sleeve {other}");

    // The book of a span, per open position in slot order (one sleeve: one position per instrument).
    private SpanPosition[] _spanBook = new SpanPosition[4];

    /// <summary>An open position through a span: its instrument, quantity, mark series, today's and the previous close's mark.</summary>
    private struct SpanPosition
    {
        public int Instrument;
        public double Quantity;
        public double[] Series;
        public double Mark;
        public double Previous;
        public bool Carried;
        public bool Valued;
    }

    /// <summary>
    /// Books days <paramref name="from"/> through <paramref name="to"/> of a span, every one quiet with the same
    /// book: per day the operations of <see cref="QuietDay"/> in its order (marks with the carry rule, mark-to-market
    /// P&amp;L, the sleeve's value, reconciliation), on the positions copied out of the ledger once; writes each
    /// day's equity and leaves the engine's marks as <see cref="QuietDay"/> would. Returns the last day's equity.
    /// </summary>
    private double QuietSpan(int from, int to, double[] equities, int start)
    {
        int n = 0;
        var bySleeve = _runSleeve;
        foreach (ref readonly var slot in _ledger.Slots)
        {
            if (!slot.Live) continue;
            if (n == _spanBook.Length) Array.Resize(ref _spanBook, 2 * n);
            int i = slot.Instrument;
            if (_markDay[i] != from - 1) throw NoPreviousMark(i);
            _spanBook[n++] = new SpanPosition { Instrument = i, Quantity = slot.Position.Quantity, Series = _markSeries[i]!, Mark = _marks[i], Valued = bySleeve[slot.Sleeve] >= 0 };
        }
        int ledgerSleeve = _ledgerSleeve[0];
        double cash = ledgerSleeve < 0 ? 0 : _ledger.CashAt(ledgerSleeve);
        // Locals for the day loop: the tracked equity's running sum stays in a register (through the field it
        // would go through memory every day), the reconciliation is Check's.
        var book = _spanBook.AsSpan(0, n);
        var multipliers = _multiplier;
        double tracked = _trackedEquity, tolerance = _config.ReconciliationTolerance;
        double equity = 0, value = 0;
        if (n == 1 && book[0].Valued) return QuietSpanOfOne(from, to, equities, start, cash, tracked);
        if (n == 0)
        {
            // An empty book: every day's equity is 0 + cash and its P&L 0 + 0; adding 0 to the tracked equity
            // a second time changes no bits, so one day's operations stand for all.
            (_trackedEquity, equity) = BookQuietDay(tracked, 0.0, cash, tolerance, from);
            equities.AsSpan(from - start, to - from + 1).Fill(equity);
            _sleeveValues[0] = cash;
            return equity;
        }
        for (int day = from; day <= to; day++)
        {
            value = cash;
            double markChanges = 0;
            foreach (ref var h in book)
            {
                double previous = h.Mark;
                double m = h.Series[day];
                // A missing close carries the previous mark (TakeMark's rule).
                bool carried = double.IsNaN(m);
                if (carried) m = previous;
                double quantity = h.Quantity, multiplier = multipliers[h.Instrument];
                markChanges += quantity * (m - previous) * multiplier;
                if (h.Valued) value += quantity * m * multiplier;
                h.Previous = previous;
                h.Mark = m;
                h.Carried = carried;
            }
            (tracked, equity) = BookQuietDay(tracked, markChanges, value, tolerance, day);
            equities[day - start] = equity;
        }
        _trackedEquity = tracked;
        foreach (ref readonly var h in book) EndSpanMarks(h.Instrument, h.Previous, h.Mark, h.Carried, to);
        _sleeveValues[0] = value;
        return equity;
    }

    /// <summary>
    /// The end of a span day, as <see cref="QuietDay"/> ends: the day's P&amp;L (0 + the mark changes) added to the
    /// tracked equity, the equity (0 + the sleeve's value) reconciled against it. Returns both.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private (double Tracked, double Equity) BookQuietDay(double tracked, double markChanges, double value, double tolerance, int day)
    {
        double pnl = 0;
        pnl += markChanges;
        tracked += pnl;
        double equity = 0;
        equity += value;
        if (Math.Abs(equity - tracked) > tolerance * Math.Max(1, Math.Abs(equity)))
        {
            _trackedEquity = tracked;
            Check(equity, _data.Calendar[day]);
        }
        return (tracked, equity);
    }

    /// <summary>
    /// <see cref="QuietSpan"/>'s day loop for a book of one valued position (an equity strategy in the market),
    /// with the position's mark in registers: the same operations in the same order. Tests cover both loops
    /// (the general one runs while the book is empty). Eight days (AVX-512) or four (AVX2) without a missing close are
    /// booked at once (<see cref="TryBookEight"/>, <see cref="TryBookFour"/>, whose tracked equity, the reconciliation's
    /// accumulator, may differ from this loop's in its last bits; the results do not).
    /// </summary>
    private double QuietSpanOfOne(int from, int to, double[] equities, int start, double cash, double tracked)
    {
        ref readonly var position = ref _spanBook[0];
        var series = position.Series;
        int instrument = position.Instrument;
        double quantity = position.Quantity, multiplier = _multiplier[instrument], tolerance = _config.ReconciliationTolerance;
        double m = position.Mark, previous = m, equity = 0, value = 0;
        bool carried = false;
        _ = series[to];
        _ = equities[to - start];
        int scalarThrough = from - 1;
        int block = DaysPerBlock;
        for (int day = from; day <= to; day++)
        {
            if (block > 0 && day > scalarThrough && to - day >= block - 1)
            {
                var days = equities.AsSpan(day - start, block);
                bool booked = block == EightDays
                    ? TryBookEight(series, day, m, quantity, multiplier, cash, tolerance, ref tracked, days, out value)
                    : TryBookFour(series, day, m, quantity, multiplier, cash, tolerance, ref tracked, days, out value);
                if (booked)
                {
                    previous = series[day + block - 2];
                    m = series[day + block - 1];
                    carried = false;
                    equity = equities[day - start + block - 1];
                    day += block - 1;
                    continue;
                }
                // A missing close (the carry rule is sequential) or a day the vector check could not pass: these
                // days one at a time (a real reconciliation failure is then reported for its own day).
                scalarThrough = day + block - 1;
            }
            previous = m;
            m = series[day];
            carried = double.IsNaN(m);
            if (carried) m = previous;
            double markChanges = 0;
            markChanges += quantity * (m - previous) * multiplier;
            value = cash;
            value += quantity * m * multiplier;
            (tracked, equity) = BookQuietDay(tracked, markChanges, value, tolerance, day);
            equities[day - start] = equity;
        }
        _trackedEquity = tracked;
        EndSpanMarks(instrument, previous, m, carried, to);
        _sleeveValues[0] = value;
        return equity;
    }

    /// <summary>What today's carried positions need: a settlement, a dividend check.</summary>
    private readonly record struct CarriedDay(bool Expiring, bool PayDividends);

    /// <summary>A position as it stood at the previous close: ledger indices of its sleeve and instrument, and its quantity.</summary>
    private readonly record struct Held(int Sleeve, int Instrument, double Quantity);

    private sealed record Receivable(string Sleeve, int RunSleeve, Instrument Instrument, int Index, double Amount, DateOnly ExDate, DateOnly PayDate, DividendPolicy Policy, bool WholeShares);

    /// <summary>The dividends of one instrument ordered by ex-date (ties in source order), with a cursor at the first ex-date not yet passed.</summary>
    private sealed class InstrumentDividends
    {
        private readonly Dividend[] _byExDate;
        private int _cursor;

        public InstrumentDividends(IReadOnlyList<Dividend> dividends) =>
            _byExDate = [.. dividends.Select((d, i) => (d, i)).OrderBy(x => x.d.ExDate).ThenBy(x => x.i).Select(x => x.d)];

        /// <summary>The dividends going ex on <paramref name="date"/>, in source order (dates must not decrease between calls).</summary>
        public ReadOnlySpan<Dividend> ExOn(DateOnly date)
        {
            var all = _byExDate;
            int i = _cursor;
            while (i < all.Length && all[i].ExDate < date) i++;
            _cursor = i;
            int j = i;
            while (j < all.Length && all[j].ExDate == date) j++;
            return all.AsSpan(i, j - i);
        }
    }
}
