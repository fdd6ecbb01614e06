using Alvh.Data.Readers;

namespace Alvh.Data.Tests.Readers;

// Layouts of the old CFE per-contract files (concatenated, with contract_month and expiration) and of
// the Cboe CDN per-contract files (combined, with expiration). CFE quoted VX at 10x the index before
// the 2007-03-26 rescaling (Cboe Futures Exchange notice). Values made up.
public class VxFuturesReaderTests
{
    private const string CfeHeader = "trade_date,contract_month,expiration,futures,open,high,low,close,settle,change,total_volume,efp,open_interest\n";

    [Theory]
    [InlineData("-12", "110", "total_volume", "volume must not be negative, got -12")]
    [InlineData("12", "-110", "open_interest", "open interest must not be negative, got -110")]
    public void A_negative_volume_or_open_interest_is_an_error_naming_line_and_field(string volume, string openInterest, string field, string message)
    {
        // They were read as given, where a negative price is refused (and the Yahoo reader refuses a negative volume).
        var text = CfeHeader +
                   "2008-03-25,2008-04,2008-04-16,J (Apr 08),25.1,25.6,25.0,25.4,25.45,0.15,10,0,100\n" +
                   $"2008-03-26,2008-04,2008-04-16,J (Apr 08),25.2,25.6,25.0,25.4,25.45,0.0,{volume},0,{openInterest}\n";
        var act = () => VxFuturesReader.Parse(text, "vx-cfe", "cfe.csv");
        act.Should().Throw<Alvh.MarketData.DataFormatException>()
            .Where(e => e.File == "cfe.csv" && e.Line == 3 && e.Field == field && e.Message.EndsWith(message));
    }

    [Fact]
    public void Rescales_quotes_before_2007_03_26_and_reads_zero_settle_as_missing()
    {
        var text = CfeHeader +
                   "2007-03-22,2007-04,2007-04-18,J (Apr 07),0.00,0.00,0.00,0.00,0.00,0.00,0,0,0\n" +
                   "2007-03-23,2007-04,2007-04-18,J (Apr 07),150.0,155.0,148.0,152.5,153.0,3.0,10,0,100\n" +
                   "2007-03-26,2007-04,2007-04-18,J (Apr 07),15.2,15.6,15.0,15.4,15.45,0.15,12,0,110\n";
        var r = VxFuturesReader.Parse(text, "vx-cfe", "cfe.csv");
        var h = r.Value;
        h.Count.Should().Be(3);
        double.IsNaN(h.Settle[0]).Should().BeTrue("a settle of 0 on a listing day means missing");
        double.IsNaN(h.ClosePrice[0]).Should().BeTrue("zero OHLC means no trade");
        h.Settle[1].Should().BeApproximately(15.30, 1e-12, "153.0 at the 10x scale");
        h.ClosePrice[1].Should().BeApproximately(15.25, 1e-12);
        h.Settle[2].Should().Be(15.45);
        r.Issues.Select(i => i.Kind).Should().Contain(["rescaled", "zero-settle", "no-trade"]);
        h.SettleOn(new DateOnly(2007, 3, 26), new DateOnly(2007, 4, 18)).Should().Be(15.45);
    }

    [Fact]
    public void Reads_the_cboe_cdn_layout()
    {
        var text = "trade_date,expiration,open,high,low,close,settle,change,total_volume,efp,open_interest\n" +
                   "2019-01-02,2019-01-16,20.0,21.0,19.5,20.5,20.45,0.1,1000,5,5000\n" +
                   "2019-01-02,2019-02-13,19.0,20.0,18.5,19.5,19.55,0.1,900,0,4000\n";
        var h = VxFuturesReader.Parse(text, "vx-cboe", "cboe.csv").Value;
        h.Contracts().Should().Equal(new DateOnly(2019, 1, 16), new DateOnly(2019, 2, 13));
        h.OpenInterest.Should().Equal(5000.0, 4000.0);
    }

    [Fact]
    public void Rows_must_be_ordered_by_trade_date_then_expiration()
    {
        var text = "trade_date,expiration,open,high,low,close,settle,change,total_volume,efp,open_interest\n" +
                   "2019-01-02,2019-02-13,19.0,20.0,18.5,19.5,19.55,0.1,900,0,4000\n" +
                   "2019-01-02,2019-01-16,20.0,21.0,19.5,20.5,20.45,0.1,1000,5,5000\n";
        var act = () => VxFuturesReader.Parse(text, "vx-cboe", "cboe.csv");
        act.Should().Throw<Alvh.MarketData.DataFormatException>().Where(e => e.Line == 3).WithMessage("*out of order*");
    }
}
