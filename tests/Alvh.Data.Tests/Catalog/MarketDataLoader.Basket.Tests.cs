using Alvh.Data.Catalog;
using Alvh.Engine;
using Alvh.Ledger;
using Alvh.MarketData;
using Alvh.Sleeves;

namespace Alvh.Data.Tests.Catalog;

/// <summary>DRIP basket files: any ticker's Yahoo price file and dividend list, loaded and held at weights.</summary>
public class MarketDataLoaderBasketTests
{
    private static MarketDataSet Folder(TempFolder dir)
    {
        dir.Write("spy-daily.csv", "Date,Open,High,Low,Close,Volume\n2020-01-02,100,101,99,100,1000\n2020-01-03,100,101,99,100,1000\n2020-01-06,110,111,109,110,1000\n");
        dir.Write("xyz-daily.csv", "Date,Open,High,Low,Close,Volume\n2020-01-02,50,51,49,50,1000\n2020-01-03,50,51,49,50,1000\n2020-01-06,40,41,39,40,1000\n");
        dir.Write("xyz-dividends.csv", "Date,Dividends\n2020-01-06,2\n");
        return MarketDataLoader.Load(dir.Path);
    }

    [Fact]
    public void A_tickers_daily_and_dividend_files_load_as_its_series_and_dividend_list()
    {
        using var dir = new TempFolder();
        var data = Folder(dir);
        data.Has("xyz").Should().BeTrue();
        data.FindDividends("xyz-dividends")!.Dividends.Should().Equal(new Dividend(new DateOnly(2020, 1, 6), 2, null));
        data.Dividends.Should().BeNull("SPY's list is spy-dividends; another ticker's list is not SPY's");
    }

    [Fact]
    public void Basket_is_bought_at_its_weights_and_a_dividend_is_reinvested_in_the_ticker_that_paid_it()
    {
        using var dir = new TempFolder();
        var data = Folder(dir);
        var sleeve = new DripSleeve(basket: new Dictionary<string, double> { ["spy"] = 0.6, ["xyz"] = 0.4 }, dividends: DividendPolicy.ReinvestOnExDate);
        var config = new BacktestConfig
        {
            InitialCapital = 10_000, FillTiming = FillTiming.SameClose,
            Dividends = new Dictionary<string, IReadOnlyList<Dividend>> { ["XYZ"] = data.FindDividends("xyz-dividends")!.Dividends },
        };
        var r = BacktestEngine.Run(data, [sleeve], new EquityPriceModel(data, halfSpreadBps: 0), config);
        // Day one: $6,000 of SPY at 100 = 60 shares, $4,000 of XYZ at 50 = 80 shares. Ex-date 2020-01-06:
        // 80 × $2 = $160 reinvested in XYZ at that close (40) = 4 shares; SPY untouched (buy and hold).
        r.Ledger.Quantity("drip", Instrument.Equity("SPY")).Should().BeApproximately(60, 1e-9);
        r.Ledger.Quantity("drip", Instrument.Equity("XYZ")).Should().BeApproximately(84, 1e-9);
        r.Daily[^1].Equity.Should().BeApproximately(60 * 110 + 84 * 40, 1e-6);
        r.Ledger.Entries.Should().Contain(e => e.Kind == EntryKind.Reinvestment && e.Instrument == Instrument.Equity("XYZ"));
    }
}
