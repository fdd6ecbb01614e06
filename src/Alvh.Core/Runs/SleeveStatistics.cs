using Alvh.Engine;
using Alvh.Ledger;

namespace Alvh.Runs;

/// <summary>The condor sleeve's record: every condor from its opening fills to its close or settlement.</summary>
/// <param name="Condors">Condors closed or settled.</param>
/// <param name="HitRate">Share with a positive P&amp;L (fees included).</param>
/// <param name="AverageCredit">Mean credit at the opening fill, index points per condor, over the condors counted (one still open at the end is in none of the figures).</param>
/// <param name="AveragePnl">Mean P&amp;L per condor, dollars.</param>
/// <param name="TotalPnl">Sum of all condors' P&amp;L, dollars.</param>
/// <param name="Costs">Fees plus half-spreads paid on the condors counted, dollars.</param>
public sealed record CondorStatistics(int Condors, double HitRate, double AverageCredit, double AveragePnl, double TotalPnl, double Costs);

/// <summary>The ALVH hedge's record across its layers.</summary>
/// <param name="PremiumPerYear">Premium paid for options bought, as a fraction of the average portfolio equity per year.</param>
/// <param name="CarryPerYear">Net option P&amp;L of the hedge (sales, settlements, fees, minus premium, plus the value still open), fraction of average equity per year; negative = the hedge's cost.</param>
/// <param name="Monetisations">Layers sold by the monetisation rule.</param>
/// <param name="Tranches">Extra tranches bought on triggers.</param>
/// <param name="SpikePayoff">Hedge P&amp;L inside each high-VIX episode (fraction of the portfolio equity at the episode's start), by episode start date.</param>
public sealed record HedgeStatistics(double PremiumPerYear, double CarryPerYear, int Monetisations, int Tranches, IReadOnlyList<(DateOnly Start, double Payoff)> SpikePayoff)
{
    /// <summary>The VIX close above which a day counts in <see cref="HighVixDays"/> (the study's high-VIX threshold).</summary>
    public double HighVixLevel { get; init; } = double.NaN;

    /// <summary>Days of the run whose VIX close was above <see cref="HighVixLevel"/>.</summary>
    public int HighVixDays { get; init; }

    /// <summary>
    /// Of <see cref="HighVixDays"/>, those at whose close no layer held a long VIX call: the hedge was absent when it would
    /// pay (an audit: drip-alvh held none from 2008-10-07 to 2009-03-24, its layers sold at the first VIX close at 30).
    /// </summary>
    public int HighVixDaysWithoutCall { get; init; }

    /// <summary>The longest run of consecutive trading days with the VIX above the level and no call held (default when none).</summary>
    public (DateOnly First, DateOnly Last, int Days) LongestUncovered { get; init; }
}

/// <summary>The DRIP sleeve's record.</summary>
/// <param name="Shares">Shares held at the end.</param>
/// <param name="SharesFromDividends">Shares bought with reinvested dividends.</param>
/// <param name="DividendsReceived">Dividend cash received, dollars.</param>
public sealed record DripStatistics(double Shares, double SharesFromDividends, double DividendsReceived);

/// <summary>Every sleeve's record of one run (null for sleeves the run does not have).</summary>
/// <param name="Condor">The iron condors.</param>
/// <param name="Hedge">The ALVH layers.</param>
/// <param name="Drip">The DRIP equity.</param>
public sealed record SleeveReport(CondorStatistics? Condor, HedgeStatistics? Hedge, DripStatistics? Drip);

/// <summary>What each sleeve of a run did, read from its ledger and daily values.</summary>
public static class SleeveStatistics
{
    /// <summary>All sleeves' records; <paramref name="episodes"/> are the high-VIX episodes for the hedge's spike payoff.</summary>
    /// <param name="result">The run.</param>
    /// <param name="episodes">High-VIX episodes.</param>
    /// <param name="highVix">The VIX close above which a day counts as high for the hedge's coverage (NaN: not counted).</param>
    public static SleeveReport For(BacktestResult result, IReadOnlyList<(DateOnly Start, DateOnly End)> episodes, double highVix = double.NaN) =>
        new(Condors(result), Hedge(result, episodes, highVix: highVix), Drip(result));

    /// <summary>
    /// All sleeves' records of a backtest on its own (<c>alvh backtest</c>'s summary.json), as the study gives them: the
    /// high-VIX episodes found on the data's whole VIX history by <paramref name="rule"/> (the study's default) and cut to
    /// the run's days, and the hedge's high-VIX days above the rule's entry level.
    /// </summary>
    public static SleeveReport ForRun(BacktestResult result, MarketData.MarketDataSet data, Regimes.HighVixEpisodeRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(data);
        rule ??= Regimes.HighVixEpisodeRule.Default;
        var daily = result.Daily;
        var episodes = daily.Count > 0 && data.Find("vix") is { Count: > 0 } vix
            ? Regimes.HighVixEpisodes.Within(vix.Dates, vix.Close, daily[0].Date, daily[^1].Date, rule).Select(e => (e.From, e.To)).ToList()
            : [];
        return For(result, episodes, rule.EntryAbove);
    }

    /// <summary>The condor sleeve's record, or null when the run has none.</summary>
    public static CondorStatistics? Condors(BacktestResult result, string sleeve = "condor")
    {
        if (!result.Sleeves.Contains(sleeve)) return null;
        var byExpiry = new SortedDictionary<DateOnly, (double Pnl, double Credit, bool Closed)>();
        var open = result.Ledger.Positions.Where(p => p.Sleeve == sleeve).Select(p => p.Instrument.Expiry).ToHashSet();
        // Each condor's size, by expiry: the short puts sold at its opening, in ledger order (the same bits as negating their
        // sum), in the same pass as the P&L: each pass makes every ledger entry again.
        var contracts = new Dictionary<DateOnly, double>();
        var openIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in result.Ledger.Entries)
        {
            if (e.Sleeve != sleeve) continue;
            if (e.Instrument.IsOption && open.Contains(e.Instrument.Expiry)) openIds.Add(e.Instrument.Id);
            bool opening = e.Kind == EntryKind.Fill && e.Reason.StartsWith("open condor", StringComparison.Ordinal);
            if (opening && e.Quantity < 0 && e.Instrument.Right == Pricing.OptionRight.Put) contracts[e.Instrument.Expiry] = contracts.GetValueOrDefault(e.Instrument.Expiry) - e.Quantity;
            if (!e.Instrument.IsOption || e.Kind is not (EntryKind.Fill or EntryKind.Fee or EntryKind.Settlement)) continue;
            var x = byExpiry.GetValueOrDefault(e.Instrument.Expiry);
            x.Pnl += e.Cash;
            if (opening) x.Credit += e.Cash;
            byExpiry[e.Instrument.Expiry] = x;
        }
        var closed = byExpiry.Where(kv => !open.Contains(kv.Key)).Select(kv => kv.Value).ToList();
        // Over the condors the other figures count: the one still open at the end was in the mean (896 credits beside 895 condors, an audit).
        var credits = byExpiry.Where(kv => !open.Contains(kv.Key) && contracts.TryGetValue(kv.Key, out double n) && n > 0).Select(kv => kv.Value.Credit / (contracts[kv.Key] * 100)).ToList();
        // The costs of the condors counted too (the open one's opening half-spreads and fees were in).
        double costs = result.Trades.Where(t => t.Sleeve == sleeve && !openIds.Contains(t.Instrument)).Sum(t => t.Cost);
        return new CondorStatistics(closed.Count, closed.Count == 0 ? double.NaN : closed.Count(c => c.Pnl > 0) / (double)closed.Count,
            credits.Count == 0 ? double.NaN : credits.Average(), closed.Count == 0 ? double.NaN : closed.Average(c => c.Pnl), closed.Sum(c => c.Pnl), costs);
    }

    /// <summary>The ALVH hedge's record over the layers whose names start with <paramref name="prefix"/>, or null when there are none.</summary>
    public static HedgeStatistics? Hedge(BacktestResult result, IReadOnlyList<(DateOnly Start, DateOnly End)> episodes, string prefix = "alvh-", double highVix = double.NaN)
    {
        var layers = result.Sleeves.Select((name, i) => (name, i)).Where(x => x.name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (layers.Count == 0) return null;
        var names = layers.Select(l => l.name).ToHashSet();
        double premium = 0, optionCash = 0;
        int monetisations = 0, tranches = 0;
        // The layers' transfers and interest in ledger order, read once: each episode sums its own from this short list,
        // in the same order as a filter over every entry (which each episode made again: 8% of a cold study).
        var flows = new List<(DateOnly Date, double Cash)>();
        foreach (var e in result.Ledger.Entries)
        {
            if (!names.Contains(e.Sleeve)) continue;
            if (e.Kind is EntryKind.Transfer or EntryKind.Interest) flows.Add((e.Date, e.Cash));
            if (!e.Instrument.IsOption) continue;
            if (e.Kind is EntryKind.Fill or EntryKind.Fee or EntryKind.Settlement) optionCash += e.Cash;
            if (e.Kind == EntryKind.Fill && e.Quantity > 0) premium -= e.Cash;
        }
        foreach (var t in result.Trades)
        {
            if (!names.Contains(t.Sleeve)) continue;
            if (t.Reason.StartsWith("monetise", StringComparison.Ordinal) && t.Quantity < 0) monetisations++;
            if (t.Reason.StartsWith("tranche", StringComparison.Ordinal)) tranches++;
        }
        // Value still open at the end counts as P&L (marked at the last close).
        double openValue = LayerValue(result, layers.Select(l => l.i), result.Daily.Count - 1) - layers.Sum(l => result.Ledger.Cash(l.name));
        var daily = result.Daily;
        double years = (daily[^1].Date.DayNumber - daily[0].Date.DayNumber) / 365.25;
        double averageEquity = result.EquityCurve().Average();
        var spikes = new List<(DateOnly, double)>();
        foreach (var (start, end) in episodes)
        {
            int a = IndexOnOrBefore(daily, start.AddDays(-1));
            int b = IndexOnOrBefore(daily, end);
            if (a < 0 || b <= a) continue;
            double transfersIn = TransfersIn(flows, daily[a].Date, daily[b].Date);
            double change = LayerValue(result, layers.Select(l => l.i), b) - LayerValue(result, layers.Select(l => l.i), a) - transfersIn;
            spikes.Add((start, change / daily[a].Equity));
        }
        var stats = new HedgeStatistics(premium / averageEquity / years, (optionCash + openValue) / averageEquity / years, monetisations, tranches, spikes);
        return double.IsNaN(highVix) ? stats : Coverage(result, names, highVix, stats);
    }

    /// <summary>
    /// The hedge's presence on high-VIX days: the layers' long VIX calls at each close, from the ledger's fills and
    /// settlements in order (a call spread's short leg is not a call held long).
    /// </summary>
    private static HedgeStatistics Coverage(BacktestResult result, HashSet<string> names, double highVix, HedgeStatistics stats)
    {
        var held = new Dictionary<(string, Instrument), double>();
        double longCalls = 0;
        var entries = result.Ledger.Entries;
        int e = 0, days = 0, without = 0, run = 0;
        (DateOnly First, DateOnly Last, int Days) longest = default;
        DateOnly runFirst = default;
        foreach (var day in result.Daily)
        {
            for (; e < entries.Count && entries[e].Date <= day.Date; e++)
            {
                var x = entries[e];
                if (x.Quantity == 0 || x.Instrument.Kind != InstrumentKind.VixOption || x.Instrument.Right != Pricing.OptionRight.Call || !names.Contains(x.Sleeve)) continue;
                var key = (x.Sleeve, x.Instrument);
                double before = held.GetValueOrDefault(key), after = before + x.Quantity;
                held[key] = after;
                longCalls += Math.Max(after, 0) - Math.Max(before, 0);
            }
            bool high = day.Vix > highVix;
            bool none = longCalls < 0.5; // whole contracts: a sum of ±1s drifts by no more than rounding
            if (high) days++;
            if (high && none)
            {
                without++;
                if (run++ == 0) runFirst = day.Date;
                if (run > longest.Days) longest = (runFirst, day.Date, run);
            }
            else
            {
                run = 0;
            }
        }
        return stats with { HighVixLevel = highVix, HighVixDays = days, HighVixDaysWithoutCall = without, LongestUncovered = longest };
    }

    /// <summary>The DRIP sleeve's record, or null when the run has none.</summary>
    public static DripStatistics? Drip(BacktestResult result, string sleeve = "drip", string symbol = "SPY")
    {
        if (!result.Sleeves.Contains(sleeve)) return null;
        var shares = result.Ledger.Quantity(sleeve, Instrument.Equity(symbol));
        // Both sums in one pass over the ledger, each in ledger order.
        double fromDividends = 0, dividends = 0;
        foreach (var e in result.Ledger.Entries)
        {
            if (e.Sleeve != sleeve) continue;
            if (e.Kind == EntryKind.Reinvestment && e.Instrument.Symbol == symbol) fromDividends += e.Quantity;
            if (e.Kind == EntryKind.Dividend) dividends += e.Cash;
        }
        return new DripStatistics(shares, fromDividends, dividends);
    }

    /// <summary>The cash of <paramref name="flows"/> dated after <paramref name="from"/> up to <paramref name="to"/>, added in their order.</summary>
    private static double TransfersIn(List<(DateOnly Date, double Cash)> flows, DateOnly from, DateOnly to)
    {
        double sum = 0;
        foreach (var (date, cash) in flows)
        {
            if (date > from && date <= to) sum += cash;
        }
        return sum;
    }

    private static double LayerValue(BacktestResult result, IEnumerable<int> columns, int day) => columns.Sum(i => result.SleeveValue(day, i));

    private static int IndexOnOrBefore(IReadOnlyList<DailyRecord> daily, DateOnly date)
    {
        int lo = 0, hi = daily.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (daily[mid].Date <= date) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }
}
