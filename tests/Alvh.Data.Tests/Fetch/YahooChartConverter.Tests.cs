using System.Text;
using Alvh.Data.Fetch;

namespace Alvh.Data.Tests.Fetch;

public class YahooChartConverterTests
{
    // Made-up values in the shape of Yahoo's /v8/finance/chart response (interval=1d, events=div).
    // Timestamps: 1704205800 = 2024-01-02 14:30 UTC (09:30 EST), 1704292200 = 2024-01-03 14:30 UTC,
    // 1704378600 = 2024-01-04 14:30 UTC (null close: dropped), 1719840600 = 2024-07-01 13:30 UTC (09:30 EDT).
    // Dividends: 1709955000 = 2024-03-09 03:30 UTC = 2024-03-08 22:30 EST (New York date differs from UTC);
    // 1702650600 = 2023-12-15 14:30 UTC. Listed out of order on purpose.
    internal const string ChartJson = """
        {"chart":{"result":[{"meta":{"currency":"USD","symbol":"SPY","exchangeTimezoneName":"America/New_York","gmtoffset":-14400,"timezone":"EDT"},
        "timestamp":[1704205800,1704292200,1704378600,1719840600],
        "events":{"dividends":{"1709955000":{"amount":1.595,"date":1709955000},"1702650600":{"amount":1.906,"date":1702650600}}},
        "indicators":{"quote":[{"open":[470.5,471.25,null,545.0999755859375],"high":[472.0,472.5,470.0,546.0],
        "low":[469.75,470.0,468.0,544.5],"close":[471.0,471.5,null,545.34],"volume":[1000,2000,3000,null]}],
        "adjclose":[{"adjclose":[460.1,460.6,null,540.2]}]}}],"error":null}}
        """;

    internal const string ExpectedPrices =
        "Date,Open,High,Low,Close,Volume\n" +
        "2024-01-02,470.5,472,469.75,471,1000\n" +
        "2024-01-03,471.25,472.5,470,471.5,2000\n" +
        "2024-07-01,545.1,546,544.5,545.34,\n";

    internal const string ExpectedDividends =
        "ex_date,amount,pay_date\n" +
        "2023-12-15,1.906,\n" +
        "2024-03-08,1.595,\n";

    [Fact]
    public void ToDailyPricesCsv_WritesIsoDatesAndDropsNullBars()
    {
        var csv = YahooChartConverter.ToDailyPricesCsv(Encoding.UTF8.GetBytes(ChartJson));

        csv.Text.Should().Be(ExpectedPrices);
        csv.Rows.Should().Be(3);
        csv.DroppedRows.Should().Be(1, "the 2024-01-04 bar has null open... close");
    }

    [Fact]
    public void ToDividendsCsv_UsesExchangeDateSortsAndLeavesPayDateEmpty()
    {
        var csv = YahooChartConverter.ToDividendsCsv(Encoding.UTF8.GetBytes(ChartJson));

        csv.Text.Should().Be(ExpectedDividends);
        csv.Rows.Should().Be(2);
    }

    [Fact]
    public void ToDividendsCsv_FallsBackToGmtOffsetWhenZoneUnknown()
    {
        string json = """
            {"chart":{"result":[{"meta":{"exchangeTimezoneName":"Nowhere/Unknown","gmtoffset":-18000},
            "events":{"dividends":{"1709955000":{"amount":1.5,"date":1709955000}}}}],"error":null}}
            """;

        var csv = YahooChartConverter.ToDividendsCsv(Encoding.UTF8.GetBytes(json));

        csv.Text.Should().Be("ex_date,amount,pay_date\n2024-03-08,1.5,\n", "UTC−5 puts 03:30 UTC on the evening before");
    }

    [Fact]
    public void ToDailyPricesCsv_KeepsLaterBarWhenTwoFallOnOneDate()
    {
        // 1704205800 = 09:30 EST and 1704229200 = 16:00 EST on 2024-01-02 (a live-session bar appended by Yahoo).
        string json = """
            {"chart":{"result":[{"meta":{"exchangeTimezoneName":"America/New_York"},"timestamp":[1704205800,1704229200],
            "indicators":{"quote":[{"open":[1.0,2.0],"high":[1.0,2.0],"low":[1.0,2.0],"close":[1.0,2.0],"volume":[10,20]}]}}],"error":null}}
            """;

        var csv = YahooChartConverter.ToDailyPricesCsv(Encoding.UTF8.GetBytes(json));

        csv.Text.Should().Be("Date,Open,High,Low,Close,Volume\n2024-01-02,2,2,2,2,20\n");
        csv.DroppedRows.Should().Be(1);
    }

    [Fact]
    public void ToDailyPricesCsv_ReportsYahooError()
    {
        string json = """{"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}""";

        var act = () => YahooChartConverter.ToDailyPricesCsv(Encoding.UTF8.GetBytes(json));

        act.Should().Throw<FormatException>().WithMessage("*No data found, symbol may be delisted*");
    }

    [Theory]
    [InlineData("""{"chart":{"result":[{"meta":{},"timestamp":[1672756200],"indicators":{"quote":[]}}]}}""", "*timestamps without indicators.quote[0]*")]
    [InlineData("""{"chart":{"result":[{"meta":{},"timestamp":[1672756200]}]}}""", "*timestamps without indicators.quote[0]*")]
    [InlineData("""{"chart":{"result":[{"meta":{},"timestamp":[null],"indicators":{"quote":[{"open":[1],"high":[1],"low":[1],"close":[1]}]}}]}}""", "*timestamp 0 is null*")]
    [InlineData("""{"chart":{"result":[{"meta":{},"timestamp":[1e300],"indicators":{"quote":[{"open":[1],"high":[1],"low":[1],"close":[1]}]}}]}}""", "*timestamp 0 is 1e300*")]
    [InlineData("""{"chart":{"result":[{"meta":{},"timestamp":[99999999999999],"indicators":{"quote":[{"open":[1],"high":[1],"low":[1],"close":[1]}]}}]}}""", "*timestamp 99999999999999 is not a date*")]
    public void ToDailyPricesCsv_RejectsAChartOfAnotherShapeAsAFormatError(string json, string message)
    {
        // Each of these ended the whole fetch with an internal error (IndexOutOfRange, InvalidOperation, KeyNotFound).
        var act = () => YahooChartConverter.ToDailyPricesCsv(Encoding.UTF8.GetBytes(json));

        act.Should().Throw<FormatException>().WithMessage(message);
    }

    [Fact]
    public void ToDividendsCsv_RejectsADividendWithoutADate()
    {
        string json = """{"chart":{"result":[{"meta":{},"events":{"dividends":{"abc":{"amount":0.5}}}}]}}""";

        var act = () => YahooChartConverter.ToDividendsCsv(Encoding.UTF8.GetBytes(json));

        act.Should().Throw<FormatException>().WithMessage("*dividend 'abc' has no date in seconds*");
    }

    [Fact]
    public void ToDailyPricesCsv_RejectsInvalidJson()
    {
        var act = () => YahooChartConverter.ToDailyPricesCsv("<html>"u8);

        act.Should().Throw<FormatException>().WithMessage("*not valid JSON*");
    }

    [Theory]
    [InlineData(899.219970703125, "899.22")] // float32 artefact of 899.22 (see PROVENANCE: spx-daily)
    [InlineData(43.96875, "43.96875")]      // an exact 1/64 fraction stays exact
    [InlineData(545.34, "545.34")]          // a double that is not a float is written as the double
    [InlineData(0.1, "0.1")]
    public void FormatPrice_RemovesFloatArtefacts(double value, string expected) =>
        YahooChartConverter.FormatPrice(value).Should().Be(expected);
}
