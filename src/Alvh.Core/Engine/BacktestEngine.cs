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
public sealed partial class BacktestEngine
{
    private readonly MarketDataSet _data;
    private readonly ISleeve[] _sleeves;
    private readonly IPriceModel _prices;
    private readonly BacktestConfig _config;
    private readonly MarketView _market;
    private readonly TradeLedger _ledger = new();
    private readonly Dictionary<Instrument, double> _prevMarks = new(InstrumentComparer.Instance);
    private readonly Dictionary<Instrument, double> _marks = new(InstrumentComparer.Instance);
    private readonly List<Receivable> _receivables = [];
    private readonly List<Intent> _pending = [];
    private readonly List<TradeRecord> _trades = [];
    private readonly List<string> _dropped = [];
    private readonly List<DailyRecord> _daily = [];
    private readonly Signals _signals;
    // Per-bar scratch, reused every day so the loop allocates nothing but the day's output record.
    private readonly List<Position> _carried = [];
    private readonly double[] _sleeveValues;
    private readonly SleeveContext[] _contexts;
    private readonly double[]? _vix;
    private double _trackedEquity;
    private long _optionValuations;

    private BacktestEngine(MarketDataSet data, IReadOnlyList<ISleeve> sleeves, IPriceModel prices, BacktestConfig config)
    {
        _data = data;
        _sleeves = [.. sleeves];
        _prices = prices;
        _config = config;
        _market = new MarketView(data);
        _signals = Signals.Build(data, config.Signals);
        _sleeveValues = new double[_sleeves.Length];
        var names = _sleeves.Select(s => s.Name).ToArray();
        _contexts = _sleeves.Select(s => new SleeveContext(_market, _ledger, _prices, _signals, s.Name, names, _sleeveValues)).ToArray();
        _vix = data.Has("vix") ? data.Aligned("vix") : null;
    }

    /// <summary>Runs the sleeves over the configured range.</summary>
    public static BacktestResult Run(MarketDataSet data, IReadOnlyList<ISleeve> sleeves, IPriceModel prices, BacktestConfig config)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(sleeves);
        if (sleeves.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != sleeves.Count) throw new ArgumentException("sleeve names must be unique", nameof(sleeves));
        double allocation = sleeves.Sum(s => s.Allocation);
        if (Math.Abs(allocation - 1) > 1e-9) throw new ArgumentException($"sleeve allocations must sum to 1, got {allocation}", nameof(sleeves));
        return new BacktestEngine(data, sleeves, prices, config).Run();
    }

    private BacktestResult Run()
    {
        var calendar = _data.Calendar;
        int start = calendar.IndexOnOrAfter(_config.From ?? calendar.First);
        int end = calendar.IndexOnOrBefore(_config.To ?? calendar.Last);
        if (start > end) throw new ArgumentException($"no trading days between {_config.From} and {_config.To}");

        _daily.Capacity = end - start + 1;
        double peak = 0;
        for (int t = start; t <= end; t++)
        {
            _market.MoveTo(t);
            var date = calendar[t];
            if (t == start) Deposit(date);
            double pnl = 0;
            var carried = _carried;
            carried.Clear();
            carried.AddRange(_ledger.OpenPositions);
            MarkAll(carried, t);
            pnl += Settle(carried, t, date);
            pnl += Dividends(carried, t, date);
            if (t > start) pnl += Interest(t, calendar[t - 1], date);
            pnl += FillPending(t, date, atOpen: true);
            pnl += CarriedMarkChanges(carried, date);
            _trackedEquity += pnl;
            // Reconcile leaves today's sleeve values in _sleeveValues; deciding only adds intents (the ledger,
            // marks and receivables do not change), so the same values serve the decisions and the record.
            double equity = Reconcile(date);

            Decide(equity);
            if (_config.FillTiming == FillTiming.SameClose)
            {
                _trackedEquity += FillPending(t, date, atOpen: false);
                equity = Reconcile(date);
            }

            peak = Math.Max(peak, equity);
            _daily.Add(new DailyRecord(date, equity, _ledger.TotalCash(), [.. _sleeveValues], _vix is null ? double.NaN : _vix[t], equity / peak - 1));
            _prevMarks.Clear();
            foreach (var p in _ledger.OpenPositions) _prevMarks[p.Instrument] = _marks[p.Instrument];
        }

        var assumptions = _config.Assumptions().Concat(_prices.Assumptions).Concat(_sleeves.SelectMany(s => s.Parameters.Select(a => a with { Name = $"{s.Name}.{a.Name}" }))).ToList();
        return new BacktestResult(_sleeves.Select(s => s.Name).ToArray(), _daily, _trades, _ledger, _dropped, assumptions, _optionValuations);
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

    private void MarkAll(List<Position> carried, int day)
    {
        _marks.Clear();
        foreach (var p in carried) MarkOf(p.Instrument, day);
    }

    private double MarkOf(Instrument instrument, int day)
    {
        if (_marks.TryGetValue(instrument, out var m)) return m;
        m = _prices.Mark(instrument, day);
        if (instrument.IsOption) _optionValuations++;
        // A missing mark (no quote that day) carries the last one: documented, and rare (gaps are reported by the catalog).
        if (double.IsNaN(m)) m = _prevMarks.TryGetValue(instrument, out var prev) ? prev : throw new InvalidOperationException($"no price for {instrument.Id} on day {day}");
        _marks[instrument] = m;
        return m;
    }

    private double CarriedMarkChanges(List<Position> carried, DateOnly date)
    {
        double pnl = 0;
        foreach (var p in carried)
        {
            if (p.Instrument.IsOption && p.Instrument.Expiry <= date) continue; // settled today
            pnl += p.Quantity * (_marks[p.Instrument] - _prevMarks[p.Instrument]) * p.Instrument.Multiplier;
        }
        return pnl;
    }

    /// <summary>Fills <see cref="_sleeveValues"/> and returns their sum, the portfolio equity.</summary>
    private double Values()
    {
        var values = _sleeveValues;
        double equity = 0;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = SleeveValue(_sleeves[i].Name);
            equity += values[i];
        }
        return equity;
    }

    private double SleeveValue(string sleeve)
    {
        double v = _ledger.Cash(sleeve);
        // Same order as the ledger's positions (the sum, and so every result, is bit-identical to a filtered enumeration).
        foreach (var p in _ledger.OpenPositions)
        {
            if (p.Sleeve == sleeve) v += p.Quantity * MarkOf(p.Instrument, _market.Today) * p.Instrument.Multiplier;
        }
        foreach (var r in _receivables)
        {
            if (r.Sleeve == sleeve) v += r.Amount;
        }
        return v;
    }

    private double Reconcile(DateOnly date)
    {
        double equity = Values();
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
            for (int k = before; k < _pending.Count; k++)
            {
                if (_pending[k].Sleeve != s.Name) throw new InvalidOperationException($"sleeve {s.Name} issued an intent for sleeve {_pending[k].Sleeve}");
            }
        }
    }

    private sealed record Receivable(string Sleeve, Instrument Instrument, double Amount, DateOnly ExDate, DateOnly PayDate, DividendPolicy Policy, bool WholeShares);
}
