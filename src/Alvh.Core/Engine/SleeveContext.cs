using Alvh.Ledger;

namespace Alvh.Engine;

/// <summary>What a sleeve sees when it decides: the market up to today's close and its own book.</summary>
public sealed class SleeveContext
{
    private readonly TradeLedger _ledger;
    private readonly IPriceModel _prices;

    internal SleeveContext(MarketView market, TradeLedger ledger, IPriceModel prices, string sleeve, double sleeveValue, double portfolioEquity)
    {
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

    /// <summary>Today's mark of an instrument (per share or point).</summary>
    public double Mark(Instrument instrument) => _prices.Mark(instrument, Day);
}
