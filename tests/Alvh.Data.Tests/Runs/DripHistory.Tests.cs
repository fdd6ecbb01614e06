using Alvh.Data.Catalog;
using Alvh.Engine;
using Alvh.MarketData;
using Alvh.Sleeves;

namespace Alvh.Data.Tests.Runs;

/// <summary>The DRIP sleeve over real history (ALVH_DATA).</summary>
public class DripHistoryTests
{
    private static readonly Lazy<MarketDataSet> Data = new(() => MarketDataLoader.Load(SharedData.Require()));

    [SkippableFact]
    public void Ex_date_reinvestment_at_the_close_reproduces_the_total_return_index_formula()
    {
        // S&P Dow Jones Indices, "Index Mathematics Methodology", total return indices: dividends are
        // reinvested on the ex-date, TR_t = TR_{t-1} × (P_t + D_t) / P_{t-1}. A DRIP that reinvests at
        // the ex-date close with no costs and same-close fills must compound exactly so.
        SharedData.Require();
        var data = Data.Value;
        var from = new DateOnly(1993, 2, 1);
        var to = new DateOnly(2020, 12, 31);
        var spyDividends = data.Dividends!.Dividends;
        var config = new BacktestConfig
        {
            From = from, To = to, FillTiming = FillTiming.SameClose,
            Dividends = new Dictionary<string, IReadOnlyList<Dividend>> { ["SPY"] = spyDividends },
        };
        var seed = new DripSleeve(dividends: DividendPolicy.ReinvestOnExDate, fallbackSymbol: null);
        var r = BacktestEngine.Run(data, [seed], new EquityPriceModel(data, halfSpreadBps: 0), config);

        var spy = data.Aligned("spy");
        int start = data.Calendar.IndexOnOrAfter(from);
        int end = data.Calendar.IndexOnOrBefore(to);
        var byEx = spyDividends.ToDictionary(d => d.ExDate, d => d.Amount);
        double tr = 1;
        for (int i = start + 1; i <= end; i++) tr *= (spy[i] + byEx.GetValueOrDefault(data.Calendar[i])) / spy[i - 1];
        double growth = r.Daily[^1].Equity / r.Daily[0].Equity;
        growth.Should().BeApproximately(tr, 1e-9 * tr);
        // Sanity: about 10% a year, the S&P 500 total return commonly quoted for 1993-2020.
        double years = (to.DayNumber - from.DayNumber) / 365.25;
        (Math.Pow(tr, 1 / years) - 1).Should().BeInRange(0.095, 0.105);
    }

    [SkippableFact]
    public void Whole_history_drip_reconciles_every_day_and_is_deterministic()
    {
        SharedData.Require();
        var data = Data.Value;
        var config = new BacktestConfig
        {
            Dividends = new Dictionary<string, IReadOnlyList<Dividend>>
            {
                ["SPY"] = data.Dividends!.Dividends,
                ["SPX"] = IndexDividends.FromShiller(data.Shiller!, data.Calendar),
            },
            From = new DateOnly(1990, 1, 2),
        };
        var a = BacktestEngine.Run(data, [new DripSleeve()], new EquityPriceModel(data), config);
        var b = BacktestEngine.Run(data, [new DripSleeve()], new EquityPriceModel(data), config);
        a.Ledger.Sha256().Should().Be(b.Ledger.Sha256());
        a.Daily.Should().HaveCount(data.Calendar.Count - data.Calendar.IndexOnOrAfter(new DateOnly(1990, 1, 2)));
        a.Trades.Should().Contain(t => t.Reason == "switch from SPX to SPY");
        a.Daily.Should().OnlyContain(d => d.Drawdown <= 0 && d.Drawdown > -0.6);
        a.Daily.Min(d => d.Drawdown).Should().BeInRange(-0.58, -0.50, "the 2007-2009 bear market took SPY's total return down about 55%");
    }
}
