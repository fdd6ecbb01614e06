using Alvh.Data.Readers;
using Alvh.MarketData;

namespace Alvh.Data.Tests.Readers;

// Fixtures follow Cboe's published *_History.csv layouts (DATE,OPEN,HIGH,LOW,CLOSE and DATE,VVIX);
// the values are made up.
public class CboeIndexReaderTests
{
    [Fact]
    public void Reads_ohlc_with_cboe_mm_dd_yyyy_dates()
    {
        var text = "DATE,OPEN,HIGH,LOW,CLOSE\n01/02/2020,13.5,14.25,13.0,14.0\n1/3/2020,14.0,15.5,13.75,15.0\n";
        var r = CboeIndexReader.Parse(text, "vix", "VIX_History.csv");
        r.Series.Dates.Should().Equal(new DateOnly(2020, 1, 2), new DateOnly(2020, 1, 3));
        r.Series.Close.Should().Equal(14.0, 15.0);
        r.Series.Open.Should().Equal(13.5, 14.0);
        r.Series.High.Should().Equal(14.25, 15.5);
        r.Series.Low.Should().Equal(13.0, 13.75);
        r.Lines.Should().Equal(2, 3);
        r.Format.Should().Be(CboeIndexReader.OhlcFormat);
    }

    [Fact]
    public void Reads_iso_dates_and_lower_case_headers()
    {
        var r = CboeIndexReader.Parse("date,open,high,low,close\n2021-06-01,20,21,19,20.5\n", "vix", "v.csv");
        r.Series.Dates.Should().Equal(new DateOnly(2021, 6, 1));
        r.Series.Close.Should().Equal(20.5);
    }

    [Fact]
    public void Reads_single_value_files()
    {
        var r = CboeIndexReader.Parse("DATE,VVIX\n2019-03-01,85.5\n2019-03-04,90.25\n", "vvix", "VVIX_History.csv");
        r.Series.Close.Should().Equal(85.5, 90.25);
        r.Series.HasOhlc.Should().BeFalse();
        r.Format.Should().Be(CboeIndexReader.ValueFormat);
    }

    [Fact]
    public void Drops_identical_duplicate_rows_with_a_finding()
    {
        var r = CboeIndexReader.Parse("DATE,SKEW\n2019-03-01,120\n2019-03-01,120\n2019-03-04,121\n", "skew", "s.csv");
        r.Series.Count.Should().Be(2);
        r.Issues.Should().ContainSingle(i => i.Kind == "duplicate" && i.Line == 3);
    }

    [Fact]
    public void Accepts_a_byte_order_mark_and_crlf()
    {
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes("DATE,SKEW\r\n2019-03-01,120\r\n")).ToArray();
        var text = Alvh.Data.Csv.CsvFile.Decode(bytes, "s.csv");
        CboeIndexReader.Parse(text, "skew", "s.csv").Series.Close.Should().Equal(120.0);
    }

    [Fact]
    public void A_trailing_comma_in_the_header_and_rows_names_no_column()
    {
        CboeIndexReader.Parse("DATE,OPEN,HIGH,LOW,CLOSE,\n2020-01-02,1,2,0.5,1.5,\n", "vix9d", "vix9d-daily.csv").Series.Close.Should().Equal(1.5);
        CboeIndexReader.Parse("DATE,OPEN,HIGH,LOW,CLOSE,\n2020-01-02,1,2,0.5,1.5\n", "vix9d", "vix9d-daily.csv").Series.Close.Should().Equal(1.5);
        CboeIndexReader.Parse("DATE,SKEW,\n2020-01-02,130.5,\n", "skew", "skew-daily.csv").Series.Close.Should().Equal(130.5);
    }

    [Theory]
    // An OHLC file whose close column is renamed or missing was read as a single-value file from its first value
    // column, the OPEN, without a word.
    [InlineData("DATE,OPEN,HIGH,LOW,LAST\n2019-03-14,13.35,13.90,13.10,13.50\n")]
    [InlineData("DATE,OPEN,HIGH,LOW\n2019-03-14,13.35,13.90,13.10\n")]
    public void An_ohlc_file_without_its_close_column_is_an_error_on_the_header(string text)
    {
        var act = () => CboeIndexReader.Parse(text, "vix", "vix-daily.csv");
        act.Should().Throw<DataFormatException>().Where(e => e.File == "vix-daily.csv" && e.Line == 1 && e.Field == "CLOSE")
            .WithMessage("*missing header column*");
        CboeIndexReader.Parse("DATE,VVIX\n2019-03-14,85.2\n", "vvix", "vvix-daily.csv").Series.Close.Should().Equal(85.2);
    }

    [Fact]
    public void Zero_index_level_is_an_error_naming_line_and_field()
    {
        var act = () => CboeIndexReader.Parse("DATE,OPEN,HIGH,LOW,CLOSE\n2020-01-02,1,1,1,1\n2020-01-03,1,1,1,0\n", "vix", "vix.csv");
        act.Should().Throw<DataFormatException>().Where(e => e.File == "vix.csv" && e.Line == 3 && e.Field == "CLOSE")
            .WithMessage("*positive*");
    }
}
