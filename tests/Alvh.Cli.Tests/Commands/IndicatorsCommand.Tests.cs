using System.Text.Json;
using Alvh.Cli.Tests.Support;
using Alvh.Indicators;
using Alvh.MarketData;

namespace Alvh.Cli.Tests.Commands;

/// <summary><c>alvh indicators</c>: JSON shape, CSV input (made-up fixtures typed here), filtering and bad input.</summary>
public class IndicatorsCommandTests
{
    // Made-up closes on consecutive weekdays, with high/low around them.
    private static readonly double[] Closes = [10, 10.5, 10.25, 10.75, 11, 10.8, 11.2, 11.5, 11.1, 11.6, 12, 11.7];

    private static string Fixture(bool withRange)
    {
        var lines = new List<string> { withRange ? "Date,Open,High,Low,Close" : "Date,Close" };
        var day = new DateOnly(2021, 3, 1);
        foreach (var c in Closes)
        {
            var d = day.ToString("yyyy-MM-dd");
            lines.Add(withRange ? $"{d},{c},{c + 0.5},{c - 0.5},{c}" : $"{d},{c}");
            day = day.AddDays(day.DayOfWeek == DayOfWeek.Friday ? 3 : 1);
        }
        return string.Join("\n", lines) + "\n";
    }

    private static async Task<CliRun.Result> RunAsync(TempFolder d, params string[] args) =>
        await CliRun.RunAsync(d.Path, null, ["indicators", .. args]);

    private static List<JsonElement> Values(CliRun.Result r)
    {
        r.ExitCode.Should().Be(ExitCodes.Ok, r.Error);
        using var doc = JsonDocument.Parse(r.Output);
        return doc.RootElement.GetProperty("values").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    [Fact]
    public async Task Csv_rsi_json_has_the_documented_shape_and_the_core_values()
    {
        using var d = new TempFolder();
        d.Write("closes.csv", Fixture(withRange: false));
        var r = await RunAsync(d, "--csv", "closes.csv", "--indicator", "rsi", "--period", "5", "--json");
        using var doc = JsonDocument.Parse(r.Output);
        doc.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("indicator", "series", "parameters", "unit", "values");
        doc.RootElement.GetProperty("indicator").GetString().Should().Be("rsi");
        // What was computed and in what unit (RSI's 0-100, ROC's and percent rank's percentages and the volatilities'
        // annualised fractions were not said anywhere).
        doc.RootElement.GetProperty("series").GetString().Should().Be("closes.csv");
        doc.RootElement.GetProperty("parameters").GetProperty("period").GetInt32().Should().Be(5);
        doc.RootElement.GetProperty("unit").GetString().Should().Be("index, 0-100");
        var values = Values(r);
        var expected = Rsi.Compute(Closes, 5);
        values.Should().HaveCount(Closes.Length - 5, "NaN warm-up rows are omitted");
        values[0].GetProperty("date").GetString().Should().Be("2021-03-08");
        values.Should().OnlyContain(v => v.EnumerateObject().Select(p => p.Name).SequenceEqual(new[] { "date", "value" }));
        for (int k = 0; k < values.Count; k++) values[k].GetProperty("value").GetDouble().Should().Be(expected[5 + k], "round-trip precision");
    }

    [Theory]
    [InlineData("roc", "percent change over the period", "roc(3)", "--period", "3")]
    [InlineData("percentrank", "percent, 0-100", "percentrank(4)", "--period", "4")]
    [InlineData("realvol", "annualised fraction (0.20 = 20%; sqrt(252))", "realvol(5)", "--period", "5")]
    [InlineData("macd", "price units of the series", "macd(2,4,3)", "--fast", "2", "--slow", "4", "--signal", "3")]
    public async Task The_table_names_the_parameters_and_the_unit(string indicator, string unit, string label, params string[] options)
    {
        using var d = new TempFolder();
        d.Write("closes.csv", Fixture(withRange: false));
        var r = await RunAsync(d, ["--csv", "closes.csv", "--indicator", indicator, "--all", .. options]);
        r.ExitCode.Should().Be(ExitCodes.Ok, r.Error);
        // The title wraps at the table's width.
        System.Text.RegularExpressions.Regex.Replace(r.Output, @"\s+", " ").Should().Contain($"{label} of closes.csv").And.Contain($"values: {unit}");
    }

    [Fact]
    public async Task Macd_rows_carry_macd_signal_histogram()
    {
        using var d = new TempFolder();
        d.Write("closes.csv", Fixture(withRange: false));
        var values = Values(await RunAsync(d, "--csv", "closes.csv", "--indicator", "macd", "--fast", "2", "--slow", "4", "--signal", "3", "--json"));
        var m = Macd.Compute(Closes, 2, 4, 3);
        values.Should().HaveCount(Closes.Length - 5, "the signal starts at index slow − 1 + signal − 1 = 5");
        values.Should().OnlyContain(v => v.EnumerateObject().Select(p => p.Name).SequenceEqual(new[] { "date", "macd", "signal", "histogram" }));
        values[^1].GetProperty("macd").GetDouble().Should().Be(m.Line[^1]);
        values[^1].GetProperty("signal").GetDouble().Should().Be(m.Signal[^1]);
        values[^1].GetProperty("histogram").GetDouble().Should().Be(m.Histogram[^1]);
    }

    [Fact]
    public async Task Bollinger_rows_carry_middle_upper_lower_and_atr_uses_high_low()
    {
        using var d = new TempFolder();
        d.Write("bars.csv", Fixture(withRange: true));
        var bands = Values(await RunAsync(d, "--csv", "bars.csv", "--indicator", "bollinger", "--period", "4", "--json"));
        bands.Should().HaveCount(Closes.Length - 3);
        bands[0].EnumerateObject().Select(p => p.Name).Should().Equal("date", "middle", "upper", "lower");
        var atr = Values(await RunAsync(d, "--csv", "bars.csv", "--indicator", "atr", "--period", "3", "--json"));
        atr[0].GetProperty("value").GetDouble().Should().BeApproximately(1.0, 1e-12, "H − L is 1 and every gap is inside the range");
    }

    [Fact]
    public async Task From_and_to_filter_rows_after_computing_on_the_whole_series()
    {
        using var d = new TempFolder();
        d.Write("closes.csv", Fixture(withRange: false));
        var all = Values(await RunAsync(d, "--csv", "closes.csv", "--indicator", "sma", "--period", "3", "--json"));
        var some = Values(await RunAsync(d, "--csv", "closes.csv", "--indicator", "sma", "--period", "3", "--from", "2021-03-03", "--to", "2021-03-10", "--json"));
        some.Select(v => v.GetProperty("date").GetString()).Should().Equal("2021-03-03", "2021-03-04", "2021-03-05", "2021-03-08", "2021-03-09", "2021-03-10");
        var byDate = all.ToDictionary(v => v.GetProperty("date").GetString()!, v => v.GetProperty("value").GetDouble());
        some.Should().OnlyContain(v => v.GetProperty("value").GetDouble() == byDate[v.GetProperty("date").GetString()!], "no re-warm-up at --from");
    }

    [Fact]
    public async Task Table_shows_the_last_rows()
    {
        using var d = new TempFolder();
        d.Write("closes.csv", Fixture(withRange: false));
        var r = await RunAsync(d, "--csv", "closes.csv", "--indicator", "roc", "--period", "1");
        r.ExitCode.Should().Be(ExitCodes.Ok, r.Error);
        r.Output.Should().Contain("roc(1) of closes.csv").And.Contain("2021-03-16").And.Contain("value");
    }

    [Fact]
    public async Task Bad_csv_value_is_exit_2_with_file_line_and_field()
    {
        using var d = new TempFolder();
        d.Write("closes.csv", "Date,Close\n2021-03-01,10\n2021-03-02,ten\n");
        var r = await RunAsync(d, "--csv", "closes.csv", "--indicator", "rsi", "--json");
        r.ExitCode.Should().Be(ExitCodes.BadInput);
        r.Output.Should().BeEmpty();
        r.Error.Should().Contain("closes.csv:3").And.Contain("field 'Close'").And.Contain("not a number: 'ten'");
    }

    [Fact]
    public async Task Rows_with_a_close_but_no_high_or_low_are_named_for_the_range_indicators()
    {
        // The shared S&P 500 has FRED closes only after 2025-05-09: atr and parkinson gave no value there without a word
        // ("no rows: the date range is empty or inside the warm-up" for --from 2025-06-01). Closes-only indicators read
        // those rows and say nothing.
        using var d = new TempFolder();
        d.Write("tail.csv", "Date,High,Low,Close\n2021-03-01,11,9,10\n2021-03-02,12,10,11\n2021-03-03,13,11,12\n2021-03-04,,,13\n2021-03-05,,,14\n");
        var atr = await RunAsync(d, "--csv", "tail.csv", "--indicator", "atr", "--period", "2", "--json");
        Values(atr).Select(v => v.GetProperty("date").GetString()).Should().Equal("2021-03-02", "2021-03-03");
        atr.Error.Should().Be("alvh: note: 2 rows of tail.csv with a close but no high or low (2021-03-04 to 2021-03-05) give no atr value" + Environment.NewLine);
        var sma = await RunAsync(d, "--csv", "tail.csv", "--indicator", "sma", "--period", "2", "--json");
        Values(sma).Should().HaveCount(4);
        sma.Error.Should().BeEmpty();
    }

    [Fact]
    public async Task A_row_without_a_close_is_left_out_for_every_indicator_alike()
    {
        // Closes 10, (blank), 12, 14 on four weekdays. Left out, the bars are 10, 12, 14: SMA(2) is 11 and 13 (it gave
        // nothing for the windows holding the blank), ROC(1) is 20% and 16.67% (it counted the blank as a bar), EMA(2)
        // seeds at 11 and steps to 2/3 × 14 + 1/3 × 11 = 13, as it already did.
        using var d = new TempFolder();
        d.Write("gap.csv", "Date,Close\n2021-03-01,10\n2021-03-02,\n2021-03-03,12\n2021-03-04,14\n");
        var sma = await RunAsync(d, "--csv", "gap.csv", "--indicator", "sma", "--period", "2", "--json");
        Values(sma).Select(v => (v.GetProperty("date").GetString(), v.GetProperty("value").GetDouble())).Should().Equal(("2021-03-03", 11.0), ("2021-03-04", 13.0));
        sma.Error.Should().Be("alvh: note: 1 row of gap.csv without a close left out (each indicator steps over them)" + Environment.NewLine);
        var roc = await RunAsync(d, "--csv", "gap.csv", "--indicator", "roc", "--period", "1", "--json");
        Values(roc).Select(v => v.GetProperty("value").GetDouble()).Should().Equal([20.0, 100.0 / 6], (a, b) => Math.Abs(a - b) < 1e-12);
        var ema = await RunAsync(d, "--csv", "gap.csv", "--indicator", "ema", "--period", "2", "--json");
        Values(ema).Select(v => v.GetProperty("value").GetDouble()).Should().Equal([11.0, 13.0], (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public async Task A_series_asked_of_a_folder_without_any_says_so()
    {
        using var d = new TempFolder();
        d.Write("notes.csv", "a,b\n1,2\n");
        var r = await RunAsync(d, "--series", "vix", "--indicator", "sma", "--data", d.Path);
        r.ExitCode.Should().Be(ExitCodes.BadInput);
        r.Error.Should().StartWith($"alvh: bad input: unknown series 'vix': {d.Path} holds no daily series Alvh recognises");
    }

    [Fact]
    public async Task A_volatility_of_a_price_at_or_below_zero_is_exit_2_naming_the_date()
    {
        // It printed an empty table and exit 0.
        using var d = new TempFolder();
        d.Write("z.csv", "Date,Close\n2021-03-01,10\n2021-03-02,0\n2021-03-03,11\n");
        var r = await RunAsync(d, "--csv", "z.csv", "--indicator", "realvol", "--period", "2");
        r.ExitCode.Should().Be(ExitCodes.BadInput);
        r.Error.Should().Be("alvh: bad input: realvol takes logarithms of prices: the close on 2021-03-02 is 0" + Environment.NewLine);
    }

    [Fact]
    public async Task A_rate_of_change_over_a_zero_close_is_exit_2_naming_the_date()
    {
        // ROC over a 0 close is undefined (NaN): the row of 2021-03-04 was left out of the table and the JSON without a word.
        using var d = new TempFolder();
        d.Write("z.csv", "Date,Close\n2021-03-01,10\n2021-03-02,0\n2021-03-03,11\n2021-03-04,12\n");
        var r = await RunAsync(d, "--csv", "z.csv", "--indicator", "roc", "--period", "2", "--json");
        r.ExitCode.Should().Be(ExitCodes.BadInput, r.Output);
        r.Error.Should().Be("alvh: bad input: roc divides by the close 2 bars earlier: the close on 2021-03-02 is 0" + Environment.NewLine);
        // A 0 close that no later close is divided by (one of the last `period`) leaves every row defined.
        var last = await RunAsync(d, "--csv", "z.csv", "--indicator", "roc", "--period", "3", "--json");
        Values(last).Should().ContainSingle().Which.GetProperty("value").GetDouble().Should().BeApproximately(20.0, 1e-12, "100 × (12 / 10 − 1)");
    }

    [Fact]
    public async Task A_csv_row_repeating_the_one_before_is_dropped_with_a_note()
    {
        // It was dropped without a word (data info reports each such row of a data file).
        using var d = new TempFolder();
        d.Write("dup.csv", "Date,Close\n2021-03-01,10\n2021-03-02,11\n2021-03-02,11\n2021-03-03,12\n2021-03-03,12\n");
        var r = await RunAsync(d, "--csv", "dup.csv", "--indicator", "sma", "--period", "1", "--json");
        Values(r).Select(v => v.GetProperty("value").GetDouble()).Should().Equal(10.0, 11.0, 12.0);
        r.Error.Should().Be("alvh: note: dup.csv:4: duplicate row for 2021-03-02 (identical to line 3), dropped (and 1 more such row)" + Environment.NewLine);
    }

    [Fact]
    public async Task A_high_below_the_low_is_exit_2_with_file_line_and_field()
    {
        // It was read, and ATR(1) came out at −2 (a true range of 9 − 11).
        using var d = new TempFolder();
        d.Write("hl.csv", "Date,High,Low,Close\n2021-03-01,11,9,10\n2021-03-02,9,11,10\n");
        var r = await RunAsync(d, "--csv", "hl.csv", "--indicator", "atr", "--period", "1");
        r.ExitCode.Should().Be(ExitCodes.BadInput);
        r.Error.Should().Contain("hl.csv:3").And.Contain("field 'High'").And.Contain("9 is below Low 11");
        // An indicator of closes does not read them (Cboe's VIX6M history has such a row, and its SMA was refused).
        var sma = await RunAsync(d, "--csv", "hl.csv", "--indicator", "sma", "--period", "2", "--json");
        Values(sma).Select(v => v.GetProperty("value").GetDouble()).Should().Equal(10.0);
    }

    [Fact]
    public async Task Csv_without_close_column_or_out_of_order_is_exit_2()
    {
        using var d = new TempFolder();
        d.Write("a.csv", "Date,Price\n2021-03-01,10\n");
        d.Write("b.csv", "Date,Close\n2021-03-02,10\n2021-03-01,11\n");
        var a = await RunAsync(d, "--csv", "a.csv", "--indicator", "sma");
        a.ExitCode.Should().Be(ExitCodes.BadInput);
        a.Error.Should().Contain("a.csv:1").And.Contain("field 'Close'");
        var b = await RunAsync(d, "--csv", "b.csv", "--indicator", "sma");
        b.ExitCode.Should().Be(ExitCodes.BadInput);
        b.Error.Should().Contain("b.csv:3").And.Contain("out of order");
    }

    [Theory]
    [InlineData("sma", "--fast", "--fast: only macd takes --fast, --slow and --signal (sma takes --period)")]
    [InlineData("rsi", "--signal", "--signal: only macd takes --fast, --slow and --signal (rsi takes --period)")]
    [InlineData("macd", "--period", "--period: macd takes --fast, --slow and --signal")]
    public async Task An_option_the_indicator_does_not_read_is_exit_2(string name, string option, string message)
    {
        // sma --fast 5 gave SMA(20) without a word.
        using var d = new TempFolder();
        d.Write("closes.csv", Fixture(withRange: false));
        var r = await RunAsync(d, "--csv", "closes.csv", "--indicator", name, option, "5");
        r.ExitCode.Should().Be(ExitCodes.BadInput);
        r.Error.Should().Be("alvh: bad input: " + message + Environment.NewLine);
    }

    [Theory]
    [InlineData("--indicator", "stochastic", "unknown indicator 'stochastic'; valid: sma, ema, macd, rsi, bollinger, atr, roc, zscore, percentrank, realvol, parkinson")]
    [InlineData("--period", "1", "--period: 1 must be at least 2")]
    [InlineData("--from", "03/01/2021", "--from: '03/01/2021' is not a date")]
    public async Task Bad_options_are_exit_2(string option, string value, string message)
    {
        using var d = new TempFolder();
        d.Write("closes.csv", Fixture(withRange: false));
        string[] args = option == "--indicator"
            ? ["--csv", "closes.csv", "--indicator", value]
            : ["--csv", "closes.csv", "--indicator", "zscore", option, value];
        var r = await RunAsync(d, args);
        r.ExitCode.Should().Be(ExitCodes.BadInput);
        r.Error.Should().Contain(message);
    }

    [Fact]
    public async Task Atr_on_closes_only_and_no_source_are_exit_2()
    {
        using var d = new TempFolder();
        d.Write("closes.csv", Fixture(withRange: false));
        var atr = await RunAsync(d, "--csv", "closes.csv", "--indicator", "atr");
        atr.ExitCode.Should().Be(ExitCodes.BadInput);
        atr.Error.Should().Contain("needs high and low");
        var none = await RunAsync(d, "--indicator", "sma");
        none.ExitCode.Should().Be(ExitCodes.BadInput);
        none.Error.Should().Contain("exactly one of --series ID or --csv FILE");
    }

    [SkippableFact]
    public async Task Real_data_vix_rsi_matches_the_core_function_and_unknown_series_lists_ids()
    {
        var folder = SharedData.Require();
        var r = await CliRun.RunAsync(folder, null, "indicators", "--series", "vix", "--indicator", "rsi", "--data", folder, "--json");
        var values = Values(r);
        var vix = Alvh.Data.Catalog.MarketDataLoader.Load(folder).Get("vix");
        var expected = Rsi.Compute(vix.Close, 14);
        var byDate = vix.Dates.Select((date, i) => (date, i)).ToDictionary(x => x.date.ToString("yyyy-MM-dd"), x => expected[x.i]);
        values.Should().HaveCount(expected.Count(x => !double.IsNaN(x)));
        values.Should().OnlyContain(v => v.GetProperty("value").GetDouble() == byDate[v.GetProperty("date").GetString()!]);

        var bad = await CliRun.RunAsync(folder, null, "indicators", "--series", "nosuch", "--indicator", "rsi", "--data", folder);
        bad.ExitCode.Should().Be(ExitCodes.BadInput);
        bad.Error.Should().Contain("unknown series 'nosuch'").And.Contain("vix").And.Contain("spx");
    }
}
