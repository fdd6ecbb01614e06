using System.Globalization;
using Alvh.Engine;

namespace Alvh.Sleeves;

/// <summary>
/// DRIP equity: invests its cash in one equity (SPY by default) and reinvests every dividend (on the
/// pay date by default). Before the equity has a price (SPY lists on 1993-01-29) it holds the
/// fallback (the S&amp;P 500 index, with Shiller dividends) and switches to the equity on the first
/// day it trades — a documented fallback so whole-history runs can start in 1990.
/// With a <see cref="Basket"/> it holds several tickers at weights instead (see <see cref="Rebalance"/>):
/// the weights are renormalised over the tickers that have a price that day (a ticker that lists later
/// receives new cash, and under monthly rebalancing its full weight at the next month start); before any
/// ticker has a price the cash earns the T-bill rate.
/// </summary>
public sealed class DripSleeve : ISleeve
{
    /// <summary>Creates the sleeve.</summary>
    public DripSleeve(string name = "drip", double allocation = 1.0, string symbol = "SPY", string? fallbackSymbol = "SPX",
        DividendPolicy dividends = DividendPolicy.ReinvestOnPayDate, bool wholeShares = false, double minimumTrade = 100,
        IReadOnlyDictionary<string, double>? fundedSleeves = null, IReadOnlyDictionary<string, double>? basket = null, BasketRebalance rebalance = BasketRebalance.BuyAndHold)
    {
        Basket = (basket ?? new Dictionary<string, double>()).ToDictionary(kv => kv.Key.ToUpperInvariant(), kv => kv.Value, StringComparer.Ordinal);
        Rebalance = rebalance;
        FundedSleeves = fundedSleeves ?? new Dictionary<string, double>();
        Name = name;
        Allocation = allocation;
        // Upper case, as the basket's tickers: the dividends are keyed by the upper-case symbol (the prices are found in
        // any case), so "symbol: spy" in a strategy file ran on SPY's prices without its dividends, without a word.
        symbol = symbol.ToUpperInvariant();
        fallbackSymbol = fallbackSymbol?.ToUpperInvariant();
        Symbol = symbol;
        FallbackSymbol = fallbackSymbol;
        Dividends = dividends;
        WholeShares = wholeShares;
        MinimumTrade = minimumTrade;
        _main = Instrument.Equity(symbol);
        _fallback = fallbackSymbol is null ? default : Instrument.Equity(fallbackSymbol);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public double Allocation { get; }

    /// <summary>Equity held, e.g. <c>SPY</c>.</summary>
    public string Symbol { get; }

    /// <summary>Held while <see cref="Symbol"/> has no price; null for none.</summary>
    public string? FallbackSymbol { get; }

    /// <inheritdoc />
    public DividendPolicy Dividends { get; }

    /// <inheritdoc />
    public bool WholeShares { get; }

    /// <summary>Cash below this many dollars stays uninvested (avoids dust trades).</summary>
    public double MinimumTrade { get; }

    /// <summary>
    /// Sleeves whose cash reserve the DRIP refills on the first trading day of each month, by name with
    /// their target allocation: when a reserve falls below half its target (allocation × equity), DRIP
    /// shares are sold to bring it back to the target — hedge and collateral are paid for by the equity.
    /// </summary>
    public IReadOnlyDictionary<string, double> FundedSleeves { get; }

    /// <summary>Basket tickers (upper case, the symbols of their instruments) and weights; empty for the single <see cref="Symbol"/>.</summary>
    public IReadOnlyDictionary<string, double> Basket { get; }

    /// <summary>How the basket keeps its weights.</summary>
    public BasketRebalance Rebalance { get; }

    /// <inheritdoc />
    public IReadOnlyList<Assumption> Parameters => Basket.Count > 0
        ?
        [
            new("basket", string.Join(", ", Basket.Select(kv => $"{kv.Key} {kv.Value.ToString("R", CultureInfo.InvariantCulture)}")), "weights", "the DRIP basket"),
            new("rebalance", Rebalance.ToString(), "", Rebalance == BasketRebalance.BuyAndHold ? "dividends reinvested in the paying ticker; weights drift" : "back to the weights on each month's first trading day"),
            new("dividends", Dividends.ToString(), "", DividendReason),
            new("minimumTrade", MinimumTrade.ToString("R", CultureInfo.InvariantCulture), "$", "no dust trades"),
            new("fundedSleeves", FundedSleeves.Count == 0 ? "none" : string.Join(", ", FundedSleeves.Keys), "", "monthly refill of reserves below half their target, paid by selling basket shares pro rata"),
        ]
        :
    [
        new("symbol", Symbol, "", "the DRIP equity"),
        new("fallbackSymbol", FallbackSymbol ?? "none", "", "held before the equity lists (S&P 500 with Shiller dividends)"),
        new("dividends", Dividends.ToString(), "", DividendReason),
        new("wholeShares", WholeShares ? "yes" : "no", "", "fractional shares by default, as DRIP plans credit them"),
        new("minimumTrade", MinimumTrade.ToString("R", CultureInfo.InvariantCulture), "$", "no dust trades"),
        new("fundedSleeves", FundedSleeves.Count == 0 ? "none" : string.Join(", ", FundedSleeves.Keys), "", "monthly refill of reserves below half their target, paid by selling DRIP shares"),
    ];

    /// <inheritdoc />
    public void Decide(SleeveContext context, List<Intent> intents)
    {
        if (Basket.Count > 0)
        {
            DecideBasket(context, intents);
            return;
        }
        var main = _main;
        double price = context.Mark(main);
        if (double.IsNaN(price))
        {
            if (FallbackSymbol is null) return;
            Invest(context, intents, _fallback, Investable(context), "DRIP fallback: equity not listed yet", context.Mark(_fallback));
            return;
        }
        double cash = Investable(context);
        if (FallbackSymbol is not null)
        {
            var fallback = _fallback;
            double held = context.Quantity(fallback);
            if (held > 0)
            {
                intents.Add(new Intent(Name, fallback, -held, $"switch from {FallbackSymbol} to {Symbol}"));
                cash += held * context.Mark(fallback);
            }
        }
        if (Fund(context, intents, main, price)) return;
        // Today's mark of the equity is the one read above (the engine marks an instrument once a day).
        Invest(context, intents, main, cash, "invest cash", price);
    }

    /// <summary>
    /// The dividend rule in words, with the price and cost of a reinvestment: the engine buys at the close of the pay
    /// date (of the ex-date under <see cref="DividendPolicy.ReinvestOnExDate"/>) with no half-spread and no commission,
    /// unlike the sleeve's other trades (1 bp at the open), as a DRIP plan buys at the market price without commission.
    /// </summary>
    private string DividendReason => Dividends switch
    {
        DividendPolicy.Cash => "kept in cash, not reinvested (the sleeve invests its other cash)",
        DividendPolicy.ReinvestOnExDate => "reinvested on the ex-date, at its close, with no half-spread or commission (the entitlement is booked as cash at once)",
        _ => "DRIP plans reinvest on the pay date: bought at its close, with no half-spread or commission (a plan buys at the market price, commission-free)",
    };

    /// <summary>The sleeve's cash to invest: all of it, but the dividends it keeps in cash under <see cref="DividendPolicy.Cash"/>.</summary>
    private double Investable(SleeveContext context) =>
        Dividends == DividendPolicy.Cash ? Math.Max(0, context.Cash - context.DividendsKept) : context.Cash;

    // The equity and its fallback, made once: the rule runs every day.
    private readonly Instrument _main;
    private readonly Instrument _fallback;

    private bool Fund(SleeveContext context, List<Intent> intents, Instrument main, double price)
    {
        if (FundedSleeves.Count == 0 || !IsFirstTradingDayOfMonth(context)) return false;
        double needed = 0;
        var transfers = new List<(string Sleeve, double Amount)>();
        foreach (var (sleeve, allocation) in FundedSleeves)
        {
            double target = allocation * context.PortfolioEquity;
            double cash = context.CashOf(sleeve);
            if (cash >= 0.5 * target) continue;
            transfers.Add((sleeve, target - cash));
            needed += target - cash;
        }
        if (needed <= 0) return false;
        double shares = Math.Min(context.Quantity(main), Math.Max(0, needed - context.Cash) / price);
        if (shares > 0) intents.Add(new Intent(Name, main, -shares, "fund reserves"));
        foreach (var (sleeve, amount) in transfers) intents.Add(Intent.Transfer(Name, sleeve, amount, "refill reserve"));
        return true;
    }

    private static bool IsFirstTradingDayOfMonth(SleeveContext context) =>
        context.Day == 0 || context.Market.Calendar[context.Day - 1].Month != context.Date.Month;

    private void Invest(SleeveContext context, List<Intent> intents, Instrument instrument, double cash, string reason, double price)
    {
        if (cash < MinimumTrade || double.IsNaN(price) || price <= 0) return;
        double quantity = cash / price;
        if (WholeShares) quantity = Math.Floor(quantity);
        if (quantity > 0) intents.Add(new Intent(Name, instrument, quantity, reason));
    }

    private void DecideBasket(SleeveContext context, List<Intent> intents)
    {
        var prices = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var ticker in Basket.Keys)
        {
            double p = context.Mark(Instrument.Equity(ticker));
            if (p > 0) prices[ticker] = p;
        }
        if (prices.Count == 0) return;
        double weightListed = prices.Keys.Sum(t => Basket[t]);
        if (!(weightListed > 0)) return;
        double holdings = prices.Sum(kv => context.Quantity(Instrument.Equity(kv.Key)) * kv.Value);
        double cash = Investable(context);
        bool monthStart = IsFirstTradingDayOfMonth(context);
        var refills = monthStart ? Refills(context) : [];
        if (refills.Count > 0)
        {
            // Reserves are refilled from the basket pro rata (sales first, then the transfers); nothing else trades that day.
            double shortfall = refills.Sum(r => r.Amount) - context.Cash;
            double fraction = shortfall > 0 ? Math.Min(1, shortfall / Math.Max(holdings, 1e-9)) : 0;
            foreach (var (ticker, _) in prices)
            {
                double q = context.Quantity(Instrument.Equity(ticker)) * fraction;
                if (q > 0) intents.Add(new Intent(Name, Instrument.Equity(ticker), -q, "fund reserves"));
            }
            intents.AddRange(refills);
            return;
        }
        var orders = new List<Intent>();
        if (Rebalance == BasketRebalance.Monthly && monthStart && holdings > 0)
        {
            double investable = holdings + cash;
            foreach (var (ticker, price) in prices)
            {
                var instrument = Instrument.Equity(ticker);
                double trade = Basket[ticker] / weightListed * investable / price - context.Quantity(instrument);
                if (Math.Abs(trade) * price >= MinimumTrade) orders.Add(new Intent(Name, instrument, WholeShares ? Math.Truncate(trade) : trade, "rebalance basket"));
            }
        }
        else if (cash >= MinimumTrade)
        {
            foreach (var (ticker, price) in prices)
            {
                double quantity = Basket[ticker] / weightListed * cash / price;
                if (WholeShares) quantity = Math.Floor(quantity);
                if (quantity > 0) orders.Add(new Intent(Name, Instrument.Equity(ticker), quantity, "invest cash"));
            }
        }
        intents.AddRange(orders.Where(o => o.Quantity < 0));
        intents.AddRange(orders.Where(o => o.Quantity > 0));
    }

    /// <summary>The refill transfers of the funded reserves below half their target.</summary>
    private List<Intent> Refills(SleeveContext context)
    {
        var transfers = new List<Intent>();
        foreach (var (sleeve, allocation) in FundedSleeves)
        {
            double target = allocation * context.PortfolioEquity;
            double cash = context.CashOf(sleeve);
            if (cash < 0.5 * target) transfers.Add(Intent.Transfer(Name, sleeve, target - cash, "refill reserve"));
        }
        return transfers;
    }
}
