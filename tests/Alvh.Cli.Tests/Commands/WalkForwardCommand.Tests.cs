using System.Text.Json;
using Alvh.Cli.Tests.Support;

namespace Alvh.Cli.Tests.Commands;

/// <summary><c>alvh walkforward</c> end to end on real history (ALVH_DATA).</summary>
public class WalkForwardCommandTests
{
    [SkippableFact]
    public async Task The_out_of_sample_curve_is_compared_with_the_strategy_as_configured_and_drip_on_the_same_days()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("grid.yaml", "alvh.rules.budgetPerYear: [0.005, 0.02]\n");
        string[] args = ["walkforward", "--preset", "drip-alvh", "--grid", "grid.yaml", "--from", "2010-01-04", "--to", "2018-12-31", "--train-years", "3", "--blocks", "4", "--data", data, "--quiet"];

        var text = await CliRun.RunAsync(d.Path, null, [.. args, "--out", "wf"]);
        var json = await CliRun.RunAsync(d.Path, null, [.. args, "--json"]);

        text.ExitCode.Should().Be(0, text.Error);
        text.Output.Should().Contain("same days, drip-alvh as configured: CAGR ").And.Contain("same days, drip: CAGR ");
        File.ReadAllText(Path.Combine(d.Path, "wf", "walkforward.json")).Should().Be(json.Output.Replace("\r\n", "\n"), "--out keeps the JSON");
        // And the tear sheet: the three curves over the same days, the folds and the PBO.
        var page = File.ReadAllText(Path.Combine(d.Path, "wf", Alvh.Reports.WalkForwardReport.FileName));
        page.Should().Contain("drip-alvh as configured, same days: CAGR").And.Contain("<section id=\"folds\">");
        Alvh.Reports.WalkForwardReport.ChartFileNames.Should().OnlyContain(chart => File.Exists(Path.Combine(d.Path, "wf", chart)));
        using var doc = JsonDocument.Parse(json.Output);
        var same = doc.RootElement.GetProperty("sameDays").EnumerateArray().ToArray();
        same.Select(s => s.GetProperty("name").GetString()).Should().Equal("drip-alvh as configured", "drip");
        same.Should().OnlyContain(s => s.GetProperty("maxDrawdown").GetDouble() < 0 && s.GetProperty("volatility").GetDouble() > 0);
        // The base preset takes budgetPerYear 0.01, which is not in the grid: it is a third, fixed configuration.
        same[0].GetProperty("cagr").GetDouble().Should().NotBe(same[1].GetProperty("cagr").GetDouble());
    }

    /// <summary>
    /// The DRIP's row is left out for the drip preset only: a strategy file named drip (as alvh init --preset drip writes
    /// it), here with its dividends kept in cash, had no DRIP beside it, its own row "drip as configured" the only one.
    /// </summary>
    [SkippableFact]
    public async Task A_strategy_file_named_drip_is_compared_with_the_drip_preset_too()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("cash.yaml", "name: drip\ndrip:\n  dividends: Cash\n");
        d.Write("grid.yaml", "capital: [100000, 200000]\n");
        string[] args = ["walkforward", "--grid", "grid.yaml", "--from", "2015-01-02", "--to", "2018-12-31", "--train-years", "2", "--blocks", "4", "--data", data, "--quiet", "--json"];

        var file = await CliRun.RunAsync(d.Path, null, [.. args, "--config", "cash.yaml"]);
        var preset = await CliRun.RunAsync(d.Path, null, [.. args, "--preset", "drip"]);

        file.ExitCode.Should().Be(0, file.Error);
        preset.ExitCode.Should().Be(0, preset.Error);
        using var fileDoc = JsonDocument.Parse(file.Output);
        var same = fileDoc.RootElement.GetProperty("sameDays").EnumerateArray().ToArray();
        same.Select(s => s.GetProperty("name").GetString()).Should().Equal("drip as configured", "drip");
        same[0].GetProperty("cagr").GetDouble().Should().BeLessThan(same[1].GetProperty("cagr").GetDouble(), "dividends kept in cash earn less than reinvested");
        using var presetDoc = JsonDocument.Parse(preset.Output);
        presetDoc.RootElement.GetProperty("sameDays").EnumerateArray().Select(s => s.GetProperty("name").GetString()).Should().Equal("drip as configured");
    }

    /// <summary>
    /// A test window cut at the period's end is said to be partial, with its trading days, on the console and in the JSON
    /// (<c>partial</c>, <c>testDays</c>): its Sharpe is annualised from those days only. 2010-01-04 to 2018-06-29 with
    /// 3 train years and 1 test year: the windows start 2013-01-04, ..., 2018-01-04; the last runs to the data's end,
    /// 2018-06-29, half a year; the one before ends on 2018-01-03, a full year.
    /// </summary>
    [SkippableFact]
    public async Task A_test_window_cut_at_the_end_is_said_to_be_partial()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("grid.yaml", "alvh.rules.budgetPerYear: [0.005, 0.02]\n");
        string[] args = ["walkforward", "--preset", "drip-alvh", "--grid", "grid.yaml", "--from", "2010-01-04", "--to", "2018-06-29", "--train-years", "3", "--blocks", "4", "--data", data, "--quiet"];

        var text = await CliRun.RunAsync(d.Path, null, [.. args, "--out", "wf"]);
        var json = await CliRun.RunAsync(d.Path, null, [.. args, "--json"]);

        text.ExitCode.Should().Be(0, text.Error);
        json.ExitCode.Should().Be(0, json.Error);
        File.ReadAllText(Path.Combine(d.Path, "wf", Alvh.Reports.WalkForwardReport.FileName)).Should().Contain("2018-01-04 to 2018-06-29 (partial: 123 days)");
        using var doc = JsonDocument.Parse(json.Output);
        var folds = doc.RootElement.GetProperty("folds").EnumerateArray().ToArray();
        folds.Should().HaveCount(6);
        folds[^1].GetProperty("testFrom").GetString().Should().Be("2018-01-04");
        folds[^1].GetProperty("testTo").GetString().Should().Be("2018-06-29");
        folds[^1].GetProperty("partial").GetBoolean().Should().BeTrue();
        // 2018-01-04 to 2018-06-29: 123 NYSE trading days (January 19 from the 4th, February 19, March 21, April 21,
        // May 22, June 21; Presidents' Day, Good Friday, Memorial Day closed).
        folds[^1].GetProperty("testDays").GetInt32().Should().Be(123);
        folds[..^1].Should().OnlyContain(f => !f.GetProperty("partial").GetBoolean());
        text.Output.Should().Contain("2018-01-04..2018-06-29 (partial: 123 days)");
    }

    /// <summary>
    /// Days after the last test window too few for one of their own are said to be in no fold: 2012-01-03 to 2016-01-20 with
    /// 3 train years holds one test window, 2015-01-05 to 2015-12-31; the next would start on 2016-01-04 and hold only
    /// 12 trading days to 2016-01-20 (January 4-8, 11-15, 19 and 20; Martin Luther King Day, the 18th, closed), under the
    /// 20 a window needs. The curve stopped on 2015-12-31 without a word.
    /// </summary>
    [SkippableFact]
    public async Task Days_too_few_for_a_last_test_window_are_said_to_be_in_no_fold()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("grid.yaml", "alvh.rules.budgetPerYear: [0.005, 0.02]\n");
        string[] args = ["walkforward", "--preset", "drip-alvh", "--grid", "grid.yaml", "--from", "2012-01-03", "--to", "2016-01-20", "--train-years", "3", "--blocks", "4", "--data", data, "--quiet"];

        var text = await CliRun.RunAsync(d.Path, null, args);
        var json = await CliRun.RunAsync(d.Path, null, [.. args, "--json"]);

        text.ExitCode.Should().Be(0, text.Error);
        text.Output.Should().Contain("the period's last 12 trading days, 2016-01-04 to 2016-01-20, are too few for a test window (at least 20) and in no fold");
        using var doc = JsonDocument.Parse(json.Output);
        doc.RootElement.GetProperty("outOfSample").GetProperty("to").GetString().Should().Be("2015-12-31");
        doc.RootElement.GetProperty("outOfSample").GetProperty("untestedDays").GetInt32().Should().Be(12);
    }

    /// <summary>
    /// A period too short for one fold says how long it is and what a fold needs: the message gave neither (a review).
    /// 2019-01-02 to 2020-06-30 with 2 train years: the first test window would start on 2021-01-02, after the period.
    /// </summary>
    [SkippableFact]
    public async Task A_period_too_short_for_a_fold_says_its_length_and_what_a_fold_needs()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("grid.yaml", "alvh.rules.budgetPerYear: [0.005, 0.02]\n");

        var r = await CliRun.RunAsync(d.Path, null, "walkforward", "--preset", "drip-alvh", "--grid", "grid.yaml", "--from", "2019-01-02", "--to", "2020-06-30", "--train-years", "2", "--data", data, "--quiet");

        r.ExitCode.Should().Be(ExitCodes.BadInput, r.Output);
        r.Error.Should().Contain("its runs cover 2019-01-02 to 2020-06-30, and a fold needs 2 train year(s) (the first test window would start on 2021-01-02) and then at least 20 trading days of its test window");
    }

    /// <summary>
    /// Ctrl+C or SIGTERM cancel the command's token (Program.cs, which prints 'stopping'); only the grid's parallel loop
    /// read it, so a signal after the runs (during the PBO, the comparisons or the files) was ignored: the command wrote
    /// its files over the previous ones and ended 0 (found with a SIGTERM 5 s into a 6-point drip-condor walk-forward).
    /// Here the token is cancelled once the files are being staged: exit 130, the previous results left as they were.
    /// </summary>
    [SkippableFact]
    public async Task A_walk_forward_stopped_after_its_runs_exits_130_and_keeps_the_previous_results()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("grid.yaml", "alvh.rules.budgetPerYear: [0.005, 0.02]\n");
        string folder = Path.Combine(d.Path, "wf");
        string[] args = ["walkforward", "--preset", "drip-alvh", "--grid", "grid.yaml", "--from", "2010-01-04", "--to", "2018-12-31", "--train-years", "3", "--blocks", "4", "--data", data, "--out", "wf", "--quiet"];
        int code = -1;
        var error = new StringWriter();
        // The watcher must cancel before the last check ahead of the commit (a window of the charts' rendering). On a
        // loaded machine it may be late, and the run then ends 0: that attempt proves nothing and is made again. A command
        // that ignored the token would end 0 every time and fail (a pass needs exit 130 with the previous results kept).
        for (int attempt = 0; attempt < 5; attempt++)
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            Directory.CreateDirectory(folder);
            d.Write(Path.Combine("wf", "walkforward.json"), "previous\n");
            using var cancel = new CancellationTokenSource();
            error = new StringWriter();
            var context = new CliContext(new StringWriter(), error, _ => null, d.Path, interactive: false, TimeProvider.System);
            var run = Task.Run(() => AlvhCli.RunAsync(args, context, cancel.Token));
            // A thread of its own watches for the staged walkforward.json (a poll on the thread pool, which the run keeps busy,
            // could wake only after the files were committed). Not for the staging folder itself: it is made before the runs,
            // so that an --out that cannot be written fails before them.
            var watch = new Thread(() =>
            {
                while (!run.IsCompleted && !Directory.EnumerateFiles(folder, "walkforward.json", SearchOption.AllDirectories).Any(f => Path.GetDirectoryName(f) != folder)) Thread.Yield();
                cancel.Cancel();
            }) { IsBackground = true, Priority = ThreadPriority.Highest };
            watch.Start();
            code = await run;
            watch.Join();
            if (code != ExitCodes.Ok) break;
        }

        code.Should().Be(ExitCodes.Cancelled, error.ToString());
        File.ReadAllText(Path.Combine(folder, "walkforward.json")).Should().Be("previous\n");
        Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Should().Equal("walkforward.json");
    }

    /// <summary>
    /// A PBO over 3 grid points says what it is to be read against: the middle of 3 ranks counts as overfit (λ = 0), so a
    /// choice with no skill scores 2/3 (uniform rank, P(rank ≤ 2)), not 1/2. drip-condor's shortDelta at 0.1, 0.15 and
    /// 0.2 over 1990-2026 printed a bare 0.903 (12870 splits: 59.9% at the middle, 30.5% below it, by a separate numpy
    /// CSCV on the same returns), which read as heavy overfitting.
    /// </summary>
    [SkippableFact]
    public async Task A_pbo_over_three_grid_points_is_read_against_no_skill_s_two_thirds()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("grid.yaml", "condor.rules.shortDelta: [0.1, 0.15, 0.2]\n");
        string[] args = ["walkforward", "--preset", "drip-condor", "--grid", "grid.yaml", "--from", "2012-01-03", "--to", "2018-12-31", "--train-years", "3", "--blocks", "4", "--data", data, "--quiet"];

        var text = await CliRun.RunAsync(d.Path, null, args);
        var json = await CliRun.RunAsync(d.Path, null, [.. args, "--json"]);

        text.ExitCode.Should().Be(0, text.Error);
        text.Output.Should().Contain("a choice with no skill scores 0.667)").And.Contain("  warning: with 3 distinct configurations the PBO is coarse");
        using var doc = JsonDocument.Parse(json.Output);
        var pbo = doc.RootElement.GetProperty("pbo");
        pbo.GetProperty("configurations").GetInt32().Should().Be(3);
        pbo.GetProperty("noSkill").GetDouble().Should().BeApproximately(2.0 / 3, 1e-15);
        // 2012-01-04..2018-12-31 (the first day has no return): 1759 days, four blocks of 439 (the first 3 dropped).
        pbo.GetProperty("blockDays").GetInt32().Should().Be(1759 / 4);
        pbo.GetProperty("atMiddle").GetDouble().Should().BeInRange(0, pbo.GetProperty("probability").GetDouble());
        // and, with --blocks 4, the six splits' caveat: the PBO moves in steps of 1/6.
        pbo.GetProperty("caveats").GetArrayLength().Should().Be(2);
        pbo.GetProperty("caveats")[0].GetString().Should().StartWith("with 3 distinct configurations");
        pbo.GetProperty("caveats")[1].GetString().Should().StartWith("4 blocks give only 6 splits");
        text.Output.Should().Contain("  warning: 4 blocks give only 6 splits");
    }

    /// <summary>
    /// An --out that cannot be made fails before the data are loaded and the grid is run (exit 1, an output that cannot be
    /// written, naming --out): it failed only once every grid point had run. Under /proc no folder can be made, even by
    /// root; the data folder given does not exist, so an --out checked after the data would fail on the data instead.
    /// </summary>
    [SkippableFact]
    public async Task An_out_folder_that_cannot_be_made_fails_before_the_runs()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "/proc is Linux's");
        using var d = new TempFolder();
        d.Write("grid.yaml", "alvh.rules.budgetPerYear: [0.005, 0.02]\n");

        var r = await CliRun.RunAsync(d.Path, null, "walkforward", "--preset", "drip-alvh", "--grid", "grid.yaml", "--data", Path.Combine(d.Path, "no-data"), "--out", "/proc/alvh-walkforward", "--quiet");

        r.ExitCode.Should().Be(ExitCodes.Failure, r.Error);
        r.Error.Should().StartWith("alvh: cannot write --out /proc/alvh-walkforward: ");
    }

    /// <summary>
    /// A grid with too few or too many points names its file and what makes its size, before the data are read: the message
    /// said "walk-forward needs 2..2000 grid points (the grid has 1)", naming neither.
    /// </summary>
    [Theory]
    [InlineData("condor.rules.shortDelta: [0.16]\n", "grid.yaml: walk-forward needs 2..2000 grid points to choose between, and condor.rules.shortDelta (1) make 1")]
    [InlineData("condor.rules.shortDelta: {from: 0.01, to: 0.2, step: 0.01}\ncondor.rules.putWing: {from: 10, to: 200, step: 10}\ncondor.rules.callWing: [50, 100, 150, 200, 250, 300]\n",
        "grid.yaml: walk-forward needs 2..2000 grid points to choose between, and condor.rules.shortDelta (20) × condor.rules.putWing (20) × condor.rules.callWing (6) make 2400")]
    public async Task A_grid_of_too_few_or_too_many_points_names_its_file_and_axes(string grid, string message)
    {
        using var d = new TempFolder();
        d.Write("grid.yaml", grid);

        var r = await CliRun.RunAsync(d.Path, null, "walkforward", "--preset", "drip-condor", "--grid", "grid.yaml", "--data", Path.Combine(d.Path, "no-data"), "--quiet");

        r.ExitCode.Should().Be(ExitCodes.BadInput, r.Output);
        r.Error.Should().Be($"alvh: bad input: {message}\n");
    }

    /// <summary>--out's help names every file it writes: it named walkforward.json only, beside which the README lists the tear sheet and its charts.</summary>
    [Fact]
    public async Task Out_help_names_the_tear_sheet()
    {
        var r = await CliRun.RunAsync(Path.GetTempPath(), null, "walkforward", "--help");
        r.ExitCode.Should().Be(ExitCodes.Ok, r.Error);
        string.Join(" ", r.Output.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries))
            .Should().Contain("walkforward.json and walkforward.html, its tear sheet (with equity.png and pbo-logits.png)");
    }
}
