using Alvh.Ledger;

namespace Alvh.Engine;

/// <summary>What a sleeve sees when it decides: the market up to today's close and its own book.</summary>
public sealed class SleeveContext
{
    private readonly TradeLedger _ledger;
    private readonly IPriceModel _prices;

    private readonly IReadOnlyDictionary<string, double> _sleeveValues;

    internal SleeveContext(MarketView market, TradeLedger ledger, IPriceModel prices, Signals signals, string sleeve, double sleeveValue, double portfolioEquity, IReadOnlyDictionary<string, double> sleeveValues)
    {
        Signals = new SignalView(signals, market.Today);
        _sleeveValues = sleeveValues;
        Market = market;
        _ledger = ledger;
        _prices = prices;
        Sleeve = sleeve;
        SleeveValue = sleeveValue;
        PortfolioEquity = portfolioEquity;
    }

    /// <summary>The market through today's close.</summary>
    public MarketView Market { get; }

    /// <summary>Trading-day index.</summary>
    public int Day => Market.Today;

    /// <summary>Trading day.</summary>
    public DateOnly Date => Market.Date;

    /// <summary>The run's signals as of today's close.</summary>
    public SignalView Signals { get; }

    /// <summary>Cash of another sleeve (read-only: e.g. the DRIP sleeve funding a hedge reserve).</summary>
    public double CashOf(string sleeve) => _ledger.Cash(sleeve);

    /// <summary>Value of another sleeve at today's close (read-only).</summary>
    public double ValueOf(string sleeve) => _sleeveValues.GetValueOrDefault(sleeve);

    /// <summary>The deciding sleeve.</summary>
    public string Sleeve { get; }

    /// <summary>Sleeve cash, dollars.</summary>
    public double Cash => _ledger.Cash(Sleeve);

    /// <summary>Sleeve value (cash + marks + dividends receivable) at today's close, dollars.</summary>
    public double SleeveValue { get; }

    /// <summary>Whole portfolio value at today's close, dollars.</summary>
    public double PortfolioEquity { get; }

    /// <summary>The sleeve's open positions.</summary>
    public IEnumerable<Position> Positions => _ledger.PositionsOf(Sleeve);

    /// <summary>Quantity held of an instrument.</summary>
    public double Quantity(Instrument instrument) => _ledger.Quantity(Sleeve, instrument);

    /// <summary>The next trading day (when an intent decided today fills), or null on the last day of the calendar.</summary>
    public DateOnly? NextTradingDay => Day + 1 < Market.Calendar.Count ? Market.Calendar[Day + 1] : null;

    /// <summary>True when an option expiring on <paramref name="expiry"/> can still be traded at the next fill (it has not settled by then).</summary>
    public bool TradableAtNextFill(DateOnly expiry) => NextTradingDay is { } next && next < expiry;

    /// <summary>Today's mark of an instrument (per share or point).</summary>
    public double Mark(Instrument instrument) => _prices.Mark(instrument, Day);
}
