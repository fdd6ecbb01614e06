using Alvh.Data.Readers;

namespace Alvh.Data.Tests.Readers;

// Layout of datasets/s-and-p-500 data.csv (Shiller's ie_data.xls reshaped); Shiller's own sheet
// writes months as YYYY.MM with 1871.1 meaning October. Values made up.
public class ShillerReaderTests
{
    private const string Header = "Date,SP500,Dividend,Earnings,Consumer Price Index,Long Interest Rate,Real Price,Real Dividend,Real Earnings,PE10\n";

    [Fact]
    public void Reads_months_and_treats_zero_as_missing()
    {
        var r = ShillerReader.Parse(Header + "1990-01-01,340.5,11.2,22.4,127.4,8.2,600,20,40,17.1\n1990-02-01,331.9,0.0,0.0,0.0,0.0,0,0,0,0.0\n", "shiller", "s.csv");
        var m = r.Value;
        m.Months.Should().Equal(new DateOnly(1990, 1, 1), new DateOnly(1990, 2, 1));
        m.Price.Should().Equal(340.5, 331.9);
        m.Dividend[0].Should().Be(11.2);
        double.IsNaN(m.Dividend[1]).Should().BeTrue();
        double.IsNaN(m.Cape[1]).Should().BeTrue();
        r.Issues.Should().Contain(i => i.Kind == "zero-as-missing");
    }

    [Theory]
    [InlineData("1871.01", 1)]
    [InlineData("1871.1", 10)]
    [InlineData("1871.12", 12)]
    public void Reads_shiller_decimal_months(string month, int expected)
    {
        var r = ShillerReader.Parse(Header + $"{month},4.4,0.2,0.4,12.4,5.3,100,6,9,0\n", "shiller", "s.csv");
        r.Value.Months[0].Should().Be(new DateOnly(1871, expected, 1));
    }
}
