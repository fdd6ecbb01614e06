using Alvh.Data.Readers;

namespace Alvh.Data.Tests.Readers;

// FRED's fredgraph.csv layout: observation_date,<SERIES>; "." marks a missing observation
// (https://fred.stlouisfed.org/docs/api/fred/ — missing values are "."). Values made up.
public class FredReaderTests
{
    [Theory]
    [InlineData("observation_date,DTB3")]
    [InlineData("DATE,DTB3")]
    public void Reads_both_header_styles(string header)
    {
        var r = FredReader.Parse($"{header}\n2020-01-02,1.50\n2020-01-03,.\n2020-01-06,\n2020-01-07,1.52\n", "dtb3", "DTB3.csv");
        r.Series.Count.Should().Be(4);
        r.Series.Close[0].Should().Be(1.50);
        double.IsNaN(r.Series.Close[1]).Should().BeTrue("'.' is FRED's missing marker");
        double.IsNaN(r.Series.Close[2]).Should().BeTrue("an empty field is missing");
        r.Series.Close[3].Should().Be(1.52);
        r.Issues.Should().ContainSingle(i => i.Kind == "missing-values");
    }

    [Fact]
    public void Keeps_discount_basis_rates_as_published()
    {
        // Conversion to a continuously compounded rate belongs to the market model, not the reader.
        var r = FredReader.Parse("DATE,DTB3\n2023-01-03,4.32\n", "dtb3", "d.csv");
        r.Series.Close.Should().Equal(4.32);
    }

    [Fact]
    public void Zero_and_negative_rates_are_values_not_errors()
    {
        var r = FredReader.Parse("DATE,DTB3\n2020-04-01,0.00\n2020-04-02,-0.01\n", "dtb3", "d.csv");
        r.Series.Close.Should().Equal(0.0, -0.01);
    }
}
