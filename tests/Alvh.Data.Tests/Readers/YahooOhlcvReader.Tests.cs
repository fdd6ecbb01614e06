using Alvh.Data.Readers;
using Alvh.MarketData;

namespace Alvh.Data.Tests.Readers;

// Yahoo Finance's historical download layout: Date,Open,High,Low,Close,Adj Close,Volume. Values made up.
public class YahooOhlcvReaderTests
{
    [Fact]
    public void Reads_with_and_without_adj_close()
    {
        var with = YahooOhlcvReader.Parse("Date,Open,High,Low,Close,Adj Close,Volume\n2020-01-02,100,102,99,101,95.5,1000\n", "spy", "SPY.csv");
        var without = YahooOhlcvReader.Parse("Date,Open,High,Low,Close,Volume\n2020-01-02,100,102,99,101,1000\n", "spy", "SPY.csv");
        with.Series.Close.Should().Equal(101.0);
        without.Series.Close.Should().Equal(101.0);
        with.Series.Volume.Should().Equal(1000.0);
        with.Series.Open.Should().Equal(100.0);
    }

    [Fact]
    public void Keeps_exact_binary_fractions_of_the_pre_decimal_era()
    {
        var r = YahooOhlcvReader.Parse("Date,Open,High,Low,Close,Volume\n1995-01-03,45.703125,45.84375,45.6875,45.78125,7\n", "spy", "s.csv");
        r.Series.Close[0].Should().Be(45.78125);
    }

    [Fact]
    public void Negative_volume_is_an_error()
    {
        var act = () => YahooOhlcvReader.Parse("Date,Open,High,Low,Close,Volume\n2020-01-02,1,1,1,1,-5\n", "spy", "s.csv");
        act.Should().Throw<DataFormatException>().Where(e => e.Line == 2 && e.Field == "Volume");
    }
}
