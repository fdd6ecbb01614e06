using System.Text.Json;
using Alvh.Cli.Tests.Support;
using Alvh.Data.Tests.Fetch;

namespace Alvh.Cli.Tests.Commands;

/// <summary>
/// `alvh data fetch` end to end against a loopback HTTP server (there is no internet here): the files
/// land in the data folder, validated by the readers, and `alvh data info` then loads them.
/// Fixtures are typed in Cboe's and FRED's published layouts with made-up values.
/// </summary>
public class DataFetchCommandTests
{
    private const string VixUrl = "https://cdn.cboe.com/api/global/us_indices/daily_prices/VIX_History.csv";
    private const string Dtb3Url = "https://fred.stlouisfed.org/graph/fredgraph.csv?id=DTB3";
    private const string Vix = "DATE,OPEN,HIGH,LOW,CLOSE\n01/02/2020,12.5,13.5,12.25,13.0\n01/03/2020,13.0,14.5,12.75,14.25\n";
    private const string Dtb3 = "observation_date,DTB3\n2020-01-02,1.51\n2020-01-03,.\n";

    [Fact]
    public async Task Fetches_into_the_data_folder_and_info_reads_the_result()
    {
        await using var server = new TestHttpServer();
        server.Serve(VixUrl, TestResponse.Ok(Vix));
        server.Serve(Dtb3Url, TestResponse.Ok(Dtb3));
        using var d = new TempFolder();
        var target = Path.Combine(d.Path, "data");

        var r = await CliRun.RunAsync(d.Path, null, "data", "fetch", "--data", target, "--only", "vix,dtb3", "--mirror", server.BaseUrl, "--json");

        r.ExitCode.Should().Be(0, r.Error);
        using var doc = JsonDocument.Parse(r.Output);
        doc.RootElement.GetProperty("succeeded").GetBoolean().Should().BeTrue();
        doc.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("file").GetString()).Should().BeEquivalentTo(["vix-daily.csv", "dtb3-daily.csv"]);
        File.ReadAllText(Path.Combine(target, "vix-daily.csv")).Should().Be(Vix, "Cboe files are written byte for byte");
        doc.RootElement.GetProperty("files").EnumerateArray().Should().OnlyContain(f => f.GetProperty("droppedRows").GetInt32() == 0);

        // A second run finds both unchanged, and --quiet says so (it said "fetched 2 files").
        var again = await CliRun.RunAsync(d.Path, null, "data", "fetch", "--data", target, "--only", "vix,dtb3", "--mirror", server.BaseUrl, "--quiet");
        again.ExitCode.Should().Be(0, again.Error);
        again.Output.Should().Contain($"0 files written, 2 unchanged, in {target}");

        var info = await CliRun.RunAsync(d.Path, null, "data", "info", "--data", target, "--json");
        info.ExitCode.Should().Be(0, info.Error);
        info.Output.Should().Contain("\"id\": \"vix\"").And.Contain("\"id\": \"dtb3\"");
    }

    [Fact]
    public async Task A_download_the_readers_reject_never_replaces_the_existing_file()
    {
        await using var server = new TestHttpServer();
        server.Serve(VixUrl, TestResponse.Ok("DATE,OPEN,HIGH,LOW,CLOSE\n01/02/2020,12.5,13.5,12.25,13.0\n01/03/2020,13.0,14.5,oops,14.25\n"));
        using var d = new TempFolder();
        var existing = d.Write("vix-daily.csv", Vix);

        var r = await CliRun.RunAsync(d.Path, null, "data", "fetch", "--data", d.Path, "--only", "vix", "--mirror", server.BaseUrl, "--attempts", "1");

        r.ExitCode.Should().Be(ExitCodes.Failure);
        r.Error.Should().Contain("vix-daily.csv:3").And.Contain("LOW");
        File.ReadAllText(existing).Should().Be(Vix);
        Directory.GetFiles(d.Path).Should().ContainSingle("no temporary file is left behind");
    }

    [Fact]
    public async Task Server_errors_exit_with_failure_and_keep_existing_files()
    {
        await using var server = new TestHttpServer();
        server.Serve(VixUrl, TestResponse.Error(500));
        using var d = new TempFolder();
        var existing = d.Write("vix-daily.csv", Vix);

        var r = await CliRun.RunAsync(d.Path, null, "data", "fetch", "--data", d.Path, "--only", "vix", "--mirror", server.BaseUrl, "--attempts", "2", "--quiet");

        r.ExitCode.Should().Be(ExitCodes.Failure);
        r.Error.Should().Contain("HTTP 500");
        File.ReadAllText(existing).Should().Be(Vix);
    }

    [Fact]
    public async Task Unknown_source_is_bad_input()
    {
        using var d = new TempFolder();
        var r = await CliRun.RunAsync(d.Path, null, "data", "fetch", "--data", Path.Combine(d.Path, "new"), "--only", "nosuch");
        r.ExitCode.Should().Be(ExitCodes.BadInput);
        r.Error.Should().Contain("nosuch").And.NotContain("(Parameter");
        Directory.Exists(Path.Combine(d.Path, "new")).Should().BeFalse("the folder made for the fetch goes again");
    }

    [Fact]
    public async Task A_first_fetch_that_gets_nothing_leaves_no_empty_folder()
    {
        await using var server = new TestHttpServer();
        server.Serve(VixUrl, TestResponse.Error(500));
        using var d = new TempFolder();

        var r = await CliRun.RunAsync(d.Path, null, "data", "fetch", "--data", Path.Combine(d.Path, "new"), "--only", "vix", "--mirror", server.BaseUrl, "--attempts", "1", "--quiet");

        r.ExitCode.Should().Be(ExitCodes.Failure);
        Directory.Exists(Path.Combine(d.Path, "new")).Should().BeFalse("an empty folder would later pass for a data set");
    }

    [Fact]
    public async Task A_first_fetch_cancelled_with_ctrl_c_leaves_no_empty_folder()
    {
        await using var server = new TestHttpServer();
        server.Serve(VixUrl, TestResponse.Ok(Vix) with { Hang = true });
        using var d = new TempFolder();
        var target = Path.Combine(d.Path, "new");
        var context = new CliContext(new StringWriter(), new StringWriter(), _ => null, d.Path, interactive: false, TimeProvider.System);
        using var cancel = new CancellationTokenSource();

        var run = AlvhCli.RunAsync(["data", "fetch", "--data", target, "--only", "vix", "--mirror", server.BaseUrl, "--attempts", "1", "--quiet"], context, cancel.Token);
        // Cancelled once the download has begun (the folder exists and the request is in flight).
        for (int i = 0; i < 300 && !Directory.Exists(target); i++) await Task.Delay(10);
        Directory.Exists(target).Should().BeTrue("the fetch made its folder");
        await Task.Delay(200);
        await cancel.CancelAsync();

        (await run.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(ExitCodes.Cancelled);
        Directory.Exists(target).Should().BeFalse("an empty folder would later pass for a data set");
    }

    [Fact]
    public async Task Without_only_every_source_is_fetched()
    {
        // 'alvh data fetch' with no --only was refused as '--only names no source' (System.CommandLine gives an
        // empty array for an absent option); it tries every source.
        await using var server = new TestHttpServer();
        server.Serve(VixUrl, TestResponse.Error(500));
        using var d = new TempFolder();
        var target = Path.Combine(d.Path, "new");

        var r = await CliRun.RunAsync(d.Path, null, "data", "fetch", "--data", target, "--mirror", server.BaseUrl, "--attempts", "1", "--timeout", "5", "--json");

        r.ExitCode.Should().Be(ExitCodes.Failure, r.Error);
        r.Error.Should().NotContain("names no source").And.Contain("--mirror URL").And.Contain("ALVH_DATA");
        using var doc = JsonDocument.Parse(r.Output);
        doc.RootElement.ToString().Should().Contain("vix-daily.csv").And.Contain("dtb3-daily.csv").And.Contain("spy-daily.csv");
        Directory.Exists(target).Should().BeFalse("nothing was fetched");
    }

    [Fact]
    public async Task A_timeout_beyond_a_day_is_bad_input()
    {
        var r = await CliRun.RunAsync(Path.GetTempPath(), null, "data", "fetch", "--data", Path.Combine(Path.GetTempPath(), "never-made"), "--timeout", "99999999");
        r.ExitCode.Should().Be(ExitCodes.BadInput);
        r.Error.Should().Contain("--timeout must be between 0.001 and 86400 seconds");
    }

    [Theory]
    [InlineData("--mirror", "notaurl", "--mirror 'notaurl' is not an http or https URL")]
    [InlineData("--mirror", "127.0.0.1:8719", "--mirror '127.0.0.1:8719' is not an http or https URL")]
    [InlineData("--mirror", "ftp://mirror/data", "--mirror 'ftp://mirror/data' is not an http or https URL")]
    [InlineData("--only", ",", "--only names no source")]
    [InlineData("--timeout", "1e-9", "--timeout must be between 0.001 and 86400 seconds (got 1E-09)")]
    [InlineData("--attempts", "0", "--attempts must be at least 1 (got 0)")]
    public async Task Options_that_name_no_usable_mirror_source_or_timeout_are_bad_input_before_any_request(string option, string value, string message)
    {
        // An invalid mirror was an internal error at the first download; --only ',' fetched every source.
        string target = Path.Combine(Path.GetTempPath(), "never-made-" + Guid.NewGuid().ToString("N"));
        var r = await CliRun.RunAsync(Path.GetTempPath(), null, "data", "fetch", "--data", target, option, value);
        r.ExitCode.Should().Be(ExitCodes.BadInput);
        r.Error.Should().StartWith("alvh: bad input: " + message);
        Directory.Exists(target).Should().BeFalse();
    }

    [Theory]
    [InlineData("", "--data is empty")]
    [InlineData(" ", "--data is empty")]
    [InlineData("a-file.csv", "--data points at a file, not a folder")]
    [InlineData("a-file.csv/sub", "--data ")]
    public async Task A_data_folder_that_is_blank_or_a_file_is_bad_input_before_any_request(string value, string message)
    {
        // A blank --data fetched into the working directory (the other commands never read data there), and a file's
        // path ended after the first download with exit 1 and "The file ... already exists", naming no option. A data
        // folder that is not a folder is bad input (exit 2), as DataFolder.Check says for every other command.
        using var d = new TempFolder();
        d.Write("a-file.csv", "x\n");
        var r = await CliRun.RunAsync(d.Path, null, "data", "fetch", "--data", value, "--only", "vix", "--mirror", "http://127.0.0.1:9", "--attempts", "1");
        r.ExitCode.Should().Be(ExitCodes.BadInput, r.Error);
        r.Error.Should().StartWith("alvh: bad input: " + message);
        Directory.EnumerateFileSystemEntries(d.Path).Should().ContainSingle();
    }
}
