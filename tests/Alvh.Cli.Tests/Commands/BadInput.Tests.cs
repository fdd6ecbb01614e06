using Alvh.Cli.Tests.Support;

namespace Alvh.Cli.Tests.Commands;

/// <summary>
/// Each kind of bad input gets exit code 2, one clear message naming file, line and field, and
/// nothing on standard output. Fixtures are typed here in the public formats with made-up values.
/// </summary>
public class BadInputTests
{
    private const string Ohlc = "DATE,OPEN,HIGH,LOW,CLOSE\n";

    private static async Task<CliRun.Result> InfoAsync(TempFolder folder) =>
        await CliRun.RunAsync(folder.Path, null, "data", "info", "--data", folder.Path);

    private static async Task ExpectBadInput(TempFolder folder, params string[] fragments)
    {
        var r = await InfoAsync(folder);
        r.ExitCode.Should().Be(ExitCodes.BadInput, r.Error);
        r.Output.Should().BeEmpty("nothing is written on bad input");
        r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(1, "one clear message");
        foreach (var f in fragments) r.Error.Should().Contain(f);
    }

    [Fact]
    public async Task Unknown_date_format()
    {
        using var d = new TempFolder();
        d.Write("vix-daily.csv", Ohlc + "2020-01-02,1,1,1,1\n2020.01.03,1,1,1,1\n");
        await ExpectBadInput(d, "vix-daily.csv:3", "field 'DATE'", "unknown date format '2020.01.03'");
    }

    [Fact]
    public async Task A_row_with_more_fields_than_the_header()
    {
        // Read by position, its extra field was ignored: a shifted row would give the wrong values. A trailing comma
        // (an empty last field) is still allowed.
        using var d = new TempFolder();
        d.Write("vix-daily.csv", Ohlc + "2020-01-02,1,1,1,1,\n2020-01-03,1,1,1,1,7\n");
        await ExpectBadInput(d, "vix-daily.csv:3", "field 'CLOSE'", "row has 6 fields, the header has 5");
    }

    [Fact]
    public async Task A_row_with_fewer_fields_than_the_header()
    {
        // The reader needed only the first two columns, so a header column the rows lack passed unnoticed.
        using var d = new TempFolder();
        d.Write("dtb3-daily.csv", "DATE,DTB3,X\n2020-01-02,1.5,7\n2020-01-03,1.5\n");
        await ExpectBadInput(d, "dtb3-daily.csv:3", "row has 2 fields, the header has 3");
    }

    [Fact]
    public async Task A_blank_line_is_named_as_such()
    {
        using var d = new TempFolder();
        d.Write("vix-daily.csv", Ohlc + "2020-01-02,1,1,1,1\n\n2020-01-03,1,1,1,1\n");
        await ExpectBadInput(d, "vix-daily.csv:3", "blank line");
    }

    [Fact]
    public async Task An_implausible_price()
    {
        // A corrupted field of 1e308 was loaded and reached the backtests.
        using var d = new TempFolder();
        d.Write("vix-daily.csv", Ohlc + "2020-01-02,1,1,1,1\n2020-01-03,1,1,1,1e308\n");
        await ExpectBadInput(d, "vix-daily.csv:3", "field 'CLOSE'", "implausible price");
    }

    [Fact]
    public async Task Non_numeric_value()
    {
        using var d = new TempFolder();
        d.Write("vix-daily.csv", Ohlc + "2020-01-02,1,1,1,abc\n");
        await ExpectBadInput(d, "vix-daily.csv:2", "field 'CLOSE'", "not a number: 'abc'");
    }

    [Fact]
    public async Task Duplicate_date_with_different_values()
    {
        using var d = new TempFolder();
        d.Write("vix-daily.csv", Ohlc + "2020-01-02,1,1,1,1\n2020-01-02,1,1,1,2\n");
        await ExpectBadInput(d, "vix-daily.csv:3", "field 'CLOSE'", "duplicate date 2020-01-02 with different values");
    }

    [Fact]
    public async Task Dates_out_of_order()
    {
        using var d = new TempFolder();
        d.Write("vix-daily.csv", Ohlc + "2020-01-03,1,1,1,1\n2020-01-02,1,1,1,1\n");
        await ExpectBadInput(d, "vix-daily.csv:3", "field 'date'", "dates out of order");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3.5")]
    public async Task Negative_or_zero_price(string price)
    {
        using var d = new TempFolder();
        d.Write("spy-daily.csv", $"Date,Open,High,Low,Close,Volume\n2020-01-02,1,1,{price},1,100\n");
        await ExpectBadInput(d, "spy-daily.csv:2", "field 'Low'", "price must be positive");
    }

    [Fact]
    public async Task Missing_header_column()
    {
        using var d = new TempFolder();
        d.Write("spy-daily.csv", "Date,Open,High,Low,Volume\n2020-01-02,1,1,1,100\n");
        await ExpectBadInput(d, "spy-daily.csv:1", "field 'Close'", "missing header column");
    }

    [Fact]
    public async Task Empty_file()
    {
        using var d = new TempFolder();
        d.Write("vix-daily.csv", "");
        await ExpectBadInput(d, "vix-daily.csv", "file is empty");
    }

    [Fact]
    public async Task A_header_without_rows()
    {
        // It loaded as an empty series: data info listed vix with 0 rows and no issue, and regimes printed empty tables,
        // all with exit 0, while an empty file was refused.
        using var d = new TempFolder();
        d.Write("vix-daily.csv", Ohlc);
        await ExpectBadInput(d, "vix-daily.csv:2", "a header row and no data rows");
    }

    [Fact]
    public async Task An_spx_file_with_a_header_and_no_rows_next_to_fred_closes()
    {
        // The SPX splice read the last date of the empty series: an internal error (IndexOutOfRangeException), exit 1.
        using var d = new TempFolder();
        d.Write("spx-daily.csv", "Date,Open,High,Low,Close,Volume\r\n");
        d.Write("spx-fred-close-daily.csv", "observation_date,SP500\n2020-01-02,3257.85\n");
        await ExpectBadInput(d, "spx-daily.csv:2", "a header row and no data rows");
    }

    [Fact]
    public async Task Binary_garbage()
    {
        using var d = new TempFolder();
        var random = new Random(20261126);
        var bytes = new byte[512];
        random.NextBytes(bytes);
        bytes[10] = 0;
        d.WriteBytes("vix-daily.csv", bytes);
        await ExpectBadInput(d, "vix-daily.csv", "binary content");
    }

    [Fact]
    public async Task A_path_that_is_a_directory()
    {
        using var d = new TempFolder();
        d.Write("spy-daily.csv", "Date,Open,High,Low,Close,Volume\n2020-01-02,1,1,1,1,100\n");
        Directory.CreateDirectory(Path.Combine(d.Path, "vix-daily.csv"));
        await ExpectBadInput(d, "vix-daily.csv", "is a directory");
    }

    [Fact]
    public async Task An_unreadable_file()
    {
        using var d = new TempFolder();
        var path = Path.Combine(d.Path, "vix-daily.csv");
        if (Environment.UserName == "root" || OperatingSystem.IsWindows())
        {
            // Permissions do not stop root: a link to /proc/self/mem gives a file whose read fails (EIO).
            File.CreateSymbolicLink(path, "/proc/self/mem");
        }
        else
        {
            File.WriteAllText(path, Ohlc + "2020-01-02,1,1,1,1\n");
            File.SetUnixFileMode(path, UnixFileMode.None);
        }
        await ExpectBadInput(d, "vix-daily.csv", "cannot be read");
    }

    [Fact]
    public async Task Unknown_option_is_bad_input()
    {
        using var d = new TempFolder();
        var r = await CliRun.RunAsync(d.Path, null, "data", "info", "--no-such-option");
        r.ExitCode.Should().Be(ExitCodes.BadInput);
        r.Error.Should().Contain("--no-such-option");
    }
}
