using Alvh.Cli.Tests.Support;
using Alvh.Data.Research;
using Alvh.Research;

namespace Alvh.Cli.Tests.Commands;

/// <summary><c>alvh sweep</c> end to end on real history (ALVH_DATA).</summary>
public class SweepCommandTests
{
    /// <summary>
    /// A whole grid of more than <see cref="SweepCommand.LargeGrid"/> points says how many run, even under --quiet, before the
    /// data are loaded (here an empty folder, refused next): a grid of 1.98 billion points ran for 11 minutes with its size
    /// said nowhere (h90). 1,001 capitals × 1,000 cash allocations make 1,001,000 points (a range holds at most 1,000,000
    /// values); 1,000 × 1,000 say nothing, nor does a sample.
    /// </summary>
    [Fact]
    public async Task A_grid_of_more_than_a_million_points_says_how_many_run()
    {
        using var d = new TempFolder();
        d.Write("big.yaml", "capital: {from: 100000, to: 1100000, step: 1000}\ncashAllocation: {from: 0, to: 0.999, step: 0.001}\n");
        d.Write("limit.yaml", "capital: {from: 100000, to: 1099000, step: 1000}\ncashAllocation: {from: 0, to: 0.999, step: 0.001}\n");
        Directory.CreateDirectory(Path.Combine(d.Path, "empty"));

        var big = await CliRun.RunAsync(d.Path, null, "sweep", "--preset", "drip", "--grid", "big.yaml", "--out", "a", "--quiet", "--data", "empty");
        var limit = await CliRun.RunAsync(d.Path, null, "sweep", "--preset", "drip", "--grid", "limit.yaml", "--out", "b", "--quiet", "--data", "empty");
        var sampled = await CliRun.RunAsync(d.Path, null, "sweep", "--preset", "drip", "--grid", "big.yaml", "--sample", "10", "--out", "c", "--quiet", "--data", "empty");

        big.ExitCode.Should().Be(ExitCodes.BadInput, "the empty data folder is refused after the note");
        big.Error.Should().Contain("alvh: note: the grid has 1,001,000 points and every one runs (a full-history drip-condor-alvh run takes 35-55 ms of a core); --sample N draws N of them");
        limit.Error.Should().NotContain("points and every one runs");
        sampled.Error.Should().NotContain("points and every one runs");
    }

    /// <summary>
    /// Ctrl+C or SIGTERM cancel the command's token (Program.cs). Cancelled at its first progress line, a DRIP sweep stops
    /// at its next chunk, keeps every chunk it finished, says how to continue and exits 130; the same command with
    /// --resume then makes the rest, and the journal names every run once.
    /// </summary>
    [SkippableFact]
    public async Task A_cancelled_sweep_keeps_its_finished_runs_and_resumes()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("grid.yaml", "capital: {from: 100000, to: 419000, step: 1000}\n");
        string[] args = ["sweep", "--preset", "drip", "--grid", "grid.yaml", "--from", "2019-01-02", "--to", "2020-12-31", "--out", "out", "--flush-every", "16", "--data", data];
        using var cancel = new CancellationTokenSource();
        var output = new StringWriter();
        var error = new CancelOnWrite("sweep: ", cancel);
        var context = new CliContext(output, error, _ => null, d.Path, interactive: false, TimeProvider.System);

        int code = await AlvhCli.RunAsync(args, context, cancel.Token);

        code.Should().Be(ExitCodes.Cancelled, error.ToString());
        error.ToString().Should().Contain("alvh: sweep stopped; the runs finished so far are in").And.Contain("--resume");
        var journal = Path.Combine(d.Path, "out", SweepStore.JournalName);
        int kept = File.ReadAllLines(journal).Length;
        kept.Should().BeInRange(16, 319, "the first part was written before the cancel, and the sweep stopped before its end");
        Directory.GetFiles(Path.Combine(d.Path, "out"), "*.tmp").Should().BeEmpty();

        var resumed = await CliRun.RunAsync(d.Path, null, [.. args, "--resume", "--quiet"]);
        resumed.ExitCode.Should().Be(0, resumed.Error);
        resumed.Output.Should().Contain($"sweep: 320 runs ({kept} already done, {320 - kept} made, 0 of them rejected)");
        File.ReadAllLines(journal).Select(long.Parse).Order().Should().Equal(Enumerable.Range(0, 320).Select(i => (long)i));
    }

    /// <summary>
    /// Stopped before its runs began (here at the note on --seed, written before the data are loaded), a sweep says that
    /// nothing was written: it said the runs finished so far were in its --out, a folder it had not made.
    /// </summary>
    [SkippableFact]
    public async Task A_sweep_stopped_before_its_runs_says_nothing_was_written()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("grid.yaml", "capital: [100000, 200000]\n");
        using var cancel = new CancellationTokenSource();
        var error = new CancelOnWrite("alvh: note: --seed", cancel);
        var context = new CliContext(new StringWriter(), error, _ => null, d.Path, interactive: false, TimeProvider.System);

        int code = await AlvhCli.RunAsync(["sweep", "--preset", "drip", "--grid", "grid.yaml", "--seed", "3", "--from", "2019-01-02", "--to", "2019-03-29", "--out", "out", "--data", data], context, cancel.Token);

        code.Should().Be(ExitCodes.Cancelled, error.ToString());
        error.ToString().Should().Contain("alvh: sweep stopped before its runs began; nothing was written").And.NotContain("--resume");
        Directory.Exists(Path.Combine(d.Path, "out")).Should().BeFalse();
    }

    /// <summary>
    /// A resume whose runs are all rejected, after runs that were not, ends 0: the grid's drip allocation of 1 comes first
    /// (ids 0-15) and 0.9 (refused: the allocations sum to 0.9) last, and a sweep cancelled after its first two parts of 8
    /// left the 16 accepted runs; the resume said "every run of the sweep was rejected" and exited 2. A sweep whose every
    /// run is rejected (a symbol without prices, refused by the runs, not before them) still exits 2 when resumed.
    /// </summary>
    [SkippableFact]
    public async Task A_resume_whose_runs_are_all_rejected_after_accepted_ones_ends_0()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("grid.yaml", "drip.allocation: [1, 0.9]\ncapital: {from: 100000, to: 115000, step: 1000}\n");
        d.Write("refused.yaml", "drip.symbol: [QQQ, XYZ]\ncapital: {from: 100000, to: 115000, step: 1000}\n");
        string[] args = ["sweep", "--preset", "drip", "--from", "2019-01-02", "--to", "2019-03-29", "--flush-every", "8", "--threads", "1", "--data", data];
        using var cancel = new CancellationTokenSource();
        var error = new CancelOnWrite("sweep: ", cancel);
        var context = new CliContext(new StringWriter(), error, _ => null, d.Path, interactive: false, TimeProvider.System);
        (await AlvhCli.RunAsync([.. args, "--grid", "grid.yaml", "--out", "out"], context, cancel.Token)).Should().Be(ExitCodes.Cancelled, error.ToString());
        File.ReadAllLines(Path.Combine(d.Path, "out", SweepStore.JournalName)).Should().HaveCount(16, "the first two chunks ran before the first progress line");

        using var cancelRefused = new CancellationTokenSource();
        var refusedError = new CancelOnWrite("sweep: ", cancelRefused);
        var refusedContext = new CliContext(new StringWriter(), refusedError, _ => null, d.Path, interactive: false, TimeProvider.System);
        (await AlvhCli.RunAsync([.. args, "--grid", "refused.yaml", "--out", "r"], refusedContext, cancelRefused.Token)).Should().Be(ExitCodes.Cancelled, refusedError.ToString());

        var resumed = await CliRun.RunAsync(d.Path, null, [.. args, "--grid", "grid.yaml", "--out", "out", "--resume", "--quiet"]);
        var refusedRest = await CliRun.RunAsync(d.Path, null, [.. args, "--grid", "refused.yaml", "--out", "r", "--resume", "--quiet"]);

        resumed.Output.Should().Contain("sweep: 32 runs (16 already done, 16 made, 16 of them rejected)");
        resumed.ExitCode.Should().Be(0, resumed.Error);
        resumed.Error.Should().NotContain("every run of the sweep was rejected");
        refusedRest.Output.Should().Contain("sweep: 32 runs (16 already done, 16 made, 16 of them rejected)");
        refusedRest.ExitCode.Should().Be(ExitCodes.BadInput, refusedRest.Error);
        refusedRest.Error.Should().Contain("every run of the sweep was rejected");
    }

    /// <summary>
    /// A resume makes the rest of the same sweep, and the data are among its inputs: resumed on changed data (a corrected
    /// file, another --data folder), the sweep took the new data for the runs left and kept the old data's rows beside them
    /// without a word, since its manifest held the strategy, grid, sample and period only (reproduced with a DRIP capital
    /// sweep cut after two of three parts and resumed on a copy of the data with one SPY close changed: exit 0, and the
    /// query showed run 2 with a volatility of 0.50 against 0.12 for the two others). A copy of the same data, elsewhere,
    /// still resumes.
    /// </summary>
    [SkippableFact]
    public async Task A_resume_on_changed_data_is_refused_and_on_a_copy_of_the_same_data_continues()
    {
        string shared = SharedData.Require();
        using var d = new TempFolder();
        string data = Path.Combine(d.Path, "data"), copy = Path.Combine(d.Path, "copy");
        foreach (var folder in new[] { data, copy })
        {
            Directory.CreateDirectory(folder);
            foreach (var file in Directory.GetFiles(shared, "*.csv")) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
        d.Write("grid.yaml", "capital: {from: 100000, to: 419000, step: 1000}\n");
        string[] args = ["sweep", "--preset", "drip", "--grid", "grid.yaml", "--from", "2019-01-02", "--to", "2020-12-31", "--out", "out", "--flush-every", "16"];
        using var cancel = new CancellationTokenSource();
        var error = new CancelOnWrite("sweep: ", cancel);
        var context = new CliContext(new StringWriter(), error, _ => null, d.Path, interactive: false, TimeProvider.System);
        (await AlvhCli.RunAsync([.. args, "--data", data], context, cancel.Token)).Should().Be(ExitCodes.Cancelled, error.ToString());
        var journal = Path.Combine(d.Path, "out", SweepStore.JournalName);
        int kept = File.ReadAllLines(journal).Length;
        var spy = Path.Combine(data, "spy-daily.csv");
        File.WriteAllText(spy, File.ReadAllText(spy).Replace("2019-06-03,275.31,276.55,273.09,274.57,", "2019-06-03,275.31,276.55,273.09,264.57,", StringComparison.Ordinal));

        var changed = await CliRun.RunAsync(d.Path, null, [.. args, "--data", data, "--resume", "--quiet"]);

        changed.ExitCode.Should().Be(ExitCodes.BadInput, changed.Output);
        changed.Error.Should().Contain("holds a different sweep").And.Contain("data");
        File.ReadAllLines(journal).Should().HaveCount(kept, "no run was made on the changed data");
        var same = await CliRun.RunAsync(d.Path, null, [.. args, "--data", copy, "--resume", "--quiet"]);
        same.ExitCode.Should().Be(0, same.Error);
        same.Output.Should().Contain($"sweep: 320 runs ({kept} already done, {320 - kept} made, 0 of them rejected)");
    }

    /// <summary>
    /// A folder swept under the metrics' earlier rules (its manifest without the "# metrics" line: the window drawdowns
    /// measured from the window's first close, before 2026-11-28) is refused on --resume, as one on other data is: its
    /// rows and the new ones would follow two rules in one dataset (a review found the change of rule, h84).
    /// </summary>
    [SkippableFact]
    public async Task A_folder_swept_under_earlier_metric_rules_is_refused_on_resume()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("grid.yaml", "capital: [100000, 200000]\n");
        string[] args = ["sweep", "--preset", "drip", "--grid", "grid.yaml", "--from", "2019-01-02", "--to", "2019-06-28", "--out", "out", "--data", data, "--quiet"];
        (await CliRun.RunAsync(d.Path, null, args)).ExitCode.Should().Be(0);
        var manifest = Path.Combine(d.Path, "out", Sweep.ManifestName);
        var lines = File.ReadAllLines(manifest);
        lines.Should().Contain($"# metrics: {RunMetrics.Rules}");
        File.WriteAllLines(manifest, lines.Where(l => !l.StartsWith("# metrics:", StringComparison.Ordinal)));

        var resumed = await CliRun.RunAsync(d.Path, null, [.. args, "--resume"]);

        resumed.ExitCode.Should().Be(ExitCodes.BadInput, resumed.Output);
        resumed.Error.Should().Contain("holds a different sweep").And.Contain("the metrics' rules");
    }

    /// <summary>
    /// A sweep without --from and --to records the trading days its runs cover, and a query of the folder names them: its
    /// legend said "runs from start to end" and no year (review, h85). The runs' days are those with both an S&amp;P 500 and
    /// a VIX close (MarketContext.DefaultPeriod), here the shared data's 1990-01-02 to 2026-02-11 (PROVENANCE.md); with
    /// --to 2019-06-30 (a Sunday) the last is Friday 2019-06-28.
    /// </summary>
    /// <summary>
    /// --by and --ascending order a query; given to a sweep (no --top) they were ignored without a word, so "--by nope"
    /// passed (the fuzz of h110). They are named as ignored, as a sweep's options given to a query are.
    /// </summary>
    [SkippableFact]
    public async Task A_sweep_names_the_query_options_it_ignores()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("grid.yaml", "capital: [100000]\n");

        var run = await CliRun.RunAsync(d.Path, null, "sweep", "--preset", "drip", "--grid", "grid.yaml", "--from", "2019-01-01", "--to", "2019-02-28", "--out", "o", "--data", data, "--quiet", "--by", "nope", "--ascending");
        var plain = await CliRun.RunAsync(d.Path, null, "sweep", "--preset", "drip", "--grid", "grid.yaml", "--from", "2019-01-01", "--to", "2019-02-28", "--out", "p", "--data", data, "--quiet");

        run.ExitCode.Should().Be(0, run.Error);
        run.Error.Should().Contain("alvh: note: --by and --ascending order a query (--top N) and are ignored by a sweep");
        plain.Error.Should().NotContain("note");
    }

    [SkippableFact]
    public async Task A_query_names_the_trading_days_the_runs_covered()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("grid.yaml", "capital: [100000]\n");
        var whole = await CliRun.RunAsync(d.Path, null, "sweep", "--preset", "drip", "--grid", "grid.yaml", "--out", "whole", "--data", data, "--quiet");
        var part = await CliRun.RunAsync(d.Path, null, "sweep", "--preset", "drip", "--grid", "grid.yaml", "--from", "2019-01-01", "--to", "2019-06-30", "--out", "part", "--data", data, "--quiet");
        whole.ExitCode.Should().Be(0, whole.Error);
        part.ExitCode.Should().Be(0, part.Error);

        var wholeTop = await CliRun.RunAsync(d.Path, null, "sweep", "--out", "whole", "--top", "1", "--by", "cagr");
        var partTop = await CliRun.RunAsync(d.Path, null, "sweep", "--out", "part", "--top", "1", "--by", "cagr");

        wholeTop.Output.Should().Contain("runs from start to end, sample all, as-if False, trading days 1990-01-02 to 2026-02-11 (sweep.manifest)");
        partTop.Output.Should().Contain("runs from 2019-01-01 to 2019-06-30, sample all, as-if False, trading days 2019-01-02 to 2019-06-28 (sweep.manifest)");
        wholeTop.Error.Should().NotContain("note");

        // A sweep's command line with --top added queries the folder as it is: the sweep's options are named as ignored
        // (they were ignored without a word, and the table could be an older sweep's).
        var copied = await CliRun.RunAsync(d.Path, null, "sweep", "--preset", "drip", "--grid", "grid.yaml", "--from", "2019-01-01", "--out", "whole", "--top", "1", "--by", "cagr");
        copied.ExitCode.Should().Be(0, copied.Error);
        copied.Error.Should().Contain("alvh: note: --top queries the runs already in").And.Contain("--preset, --grid, --from belong to a sweep and are ignored here");
        copied.Output.Should().Contain("runs from start to end");
    }

    /// <summary>The query mode answers in JSON when asked (it printed its table instead).</summary>
    [SkippableFact]
    public async Task Top_with_json_gives_one_object_per_run_best_first()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("grid.yaml", "capital: [100000, 200000, 300000]\n");
        (await CliRun.RunAsync(d.Path, null, "sweep", "--preset", "drip", "--grid", "grid.yaml", "--from", "2019-01-02", "--to", "2019-12-31", "--out", "out", "--quiet", "--data", data)).ExitCode.Should().Be(0);

        var top = await CliRun.RunAsync(d.Path, null, "sweep", "--out", "out", "--top", "2", "--by", "cagr", "--json");

        top.ExitCode.Should().Be(0, top.Error);
        using var doc = System.Text.Json.JsonDocument.Parse(top.Output);
        var rows = doc.RootElement.EnumerateArray().ToArray();
        rows.Should().HaveCount(2);
        rows.Select(r => r.GetProperty("cagr").GetDouble()).Should().BeInDescendingOrder();
        rows.Should().OnlyContain(r => r.GetProperty("capital").GetDouble() >= 100000);
        rows.Select(r => r.GetProperty("runId").GetInt64()).Should().OnlyHaveUniqueItems();
    }

    /// <summary>
    /// A sweep run with --json answers in JSON, as the option says ("Write JSON to standard output"): it printed its two
    /// text lines (review). Its counts, its folder and the reasons of rejected runs.
    /// </summary>
    [SkippableFact]
    public async Task A_sweep_with_json_answers_in_json()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("grid.yaml", "capital: [100000, 200000, 300000]\ndrip.allocation: [1, 0.5]\n");

        var run = await CliRun.RunAsync(d.Path, null, "sweep", "--preset", "drip", "--grid", "grid.yaml", "--from", "2019-01-02", "--to", "2019-12-31", "--out", "out", "--quiet", "--json", "--data", data);

        run.ExitCode.Should().Be(0, run.Error);
        using var doc = System.Text.Json.JsonDocument.Parse(run.Output);
        var root = doc.RootElement;
        root.GetProperty("total").GetInt32().Should().Be(6);
        root.GetProperty("skipped").GetInt32().Should().Be(0);
        root.GetProperty("made").GetInt32().Should().Be(6);
        root.GetProperty("rejected").GetInt32().Should().Be(3, "a DRIP allocation of 0.5 does not sum to 1");
        root.GetProperty("out").GetString().Should().Be(Path.Combine(d.Path, "out"));
        root.GetProperty("parts").GetString().Should().Be(Path.Combine(d.Path, "out", "results-part*.parquet"), "the parts alone, not any Parquet file kept in the folder");
        root.GetProperty("seconds").GetDouble().Should().BePositive();
        var errors = root.GetProperty("errors").EnumerateArray().ToArray();
        // One reason for the three runs, with the first's values (it was one reason a run, each naming its values).
        errors.Should().ContainSingle().Which.GetProperty("runs").GetInt32().Should().Be(3);
        errors[0].GetProperty("message").GetString().Should().Be("allocations: drip + condor + alvh + overlay + cashAllocation must sum to 1, got 0.5 (values of the first: capital=100000, drip.allocation=0.5)");
    }

    /// <summary>
    /// A base file whose allocations do not sum to 1 can be swept over them: the check is each run's, with its values.
    /// It was the base file's, and a sweep of drip 0.9 and 1 over a file of drip 0.8 was refused whole. A grid that does
    /// not set an allocation still refuses the file, with the allocations' lines. A walk-forward still checks its base
    /// whole: it compares its out-of-sample curve with the strategy as configured, which must run.
    /// </summary>
    [SkippableFact]
    public async Task A_base_file_whose_allocations_the_grid_sets_need_not_sum_to_1()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("base.yaml", "drip:\n  allocation: 0.8\n");
        d.Write("allocations.yaml", "drip.allocation: [0.9, 1]\n");
        d.Write("capital.yaml", "capital: [100000, 200000]\n");
        string[] args = ["--config", "base.yaml", "--from", "2019-01-02", "--to", "2019-06-28", "--quiet", "--data", data];

        var swept = await CliRun.RunAsync(d.Path, null, ["sweep", .. args, "--grid", "allocations.yaml", "--out", "a"]);
        var top = await CliRun.RunAsync(d.Path, null, "sweep", "--out", "a", "--top", "5", "--by", "sharpe");
        var refused = await CliRun.RunAsync(d.Path, null, ["sweep", .. args, "--grid", "capital.yaml", "--out", "c"]);
        var walk = await CliRun.RunAsync(d.Path, null, "walkforward", "--config", "base.yaml", "--grid", "allocations.yaml", "--from", "2010-01-04", "--to", "2014-12-31", "--train-years", "2", "--blocks", "2", "--quiet", "--data", data);

        swept.ExitCode.Should().Be(0, swept.Error);
        swept.Output.Should().Contain("2 runs (0 already done, 2 made, 1 of them rejected)");
        swept.Error.Should().Contain("got 0.9 (values: drip.allocation=0.9)");
        // The rejected run's metrics are null, which DuckDB sorts last (DuckDB 1.5.6: ORDER BY x DESC over NULL, 1 and 2
        // gives 2, 1, NULL); until 2026-11-28 they were NaN, which it sorts above every number, and the query filtered them.
        // The parts alone: '*.parquet' read any other Parquet file kept in the folder as the sweep's rows (h90).
        swept.Output.Should().Contain("/a/results-part*.parquet') ORDER BY sharpe DESC LIMIT 10; a metric a run does not have is null, which DuckDB sorts last");
        // The rejected run has no Sharpe: the ranking says it left one run out (it said only that such runs are).
        top.ExitCode.Should().Be(0, top.Error);
        top.Output.Should().Contain("1 run ranked; 1 without a value of sharpe left out");
        refused.ExitCode.Should().Be(ExitCodes.BadInput);
        refused.Error.Should().Contain("allocations: drip + condor + alvh + overlay + cashAllocation must sum to 1, got 0.8 (drip.allocation 0.8 at line 2)");
        Directory.Exists(Path.Combine(d.Path, "c")).Should().BeFalse("the file is refused before the sweep's folder is made");
        walk.ExitCode.Should().Be(ExitCodes.BadInput);
        walk.Error.Should().Contain("got 0.8 (drip.allocation 0.8 at line 2)");
    }

    /// <summary>
    /// A base file's check across keys that the grid's values never mend (minVix 30 over maxVix 20, swept over maxVix 22
    /// and 25) is refused before the data are loaded and the folder made. Until the check was left to the runs when the
    /// grid sets a key it reads (7cfddb9), the base was refused whole; after it, every run was rejected, exit 2, and the
    /// folder was left marked as a sweep's: the corrected base with the same --out was then refused ("already holds sweep
    /// results"), as its manifest names another strategy.
    /// </summary>
    [SkippableFact]
    public async Task A_base_that_no_grid_point_mends_is_refused_before_the_folder_is_made()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("grid.yaml", "condor.rules.maxVix: [22, 25]\n");
        string Base(int minVix) => $"drip:\n  allocation: 0.9\ncondor:\n  allocation: 0.1\n  rules:\n    minVix: {minVix}\n    maxVix: 20\n";
        string[] args = ["sweep", "--config", "base.yaml", "--grid", "grid.yaml", "--from", "2019-01-02", "--to", "2019-03-29", "--quiet", "--data", data, "--out", "out"];

        d.Write("base.yaml", Base(30));
        var refused = await CliRun.RunAsync(d.Path, null, args);
        bool folderAfterRefusal = Directory.Exists(Path.Combine(d.Path, "out"));
        d.Write("base.yaml", Base(10));
        var corrected = await CliRun.RunAsync(d.Path, null, args);

        refused.ExitCode.Should().Be(ExitCodes.BadInput);
        refused.Error.Should().Contain("every one of the grid's 2 points is refused by a check across keys (nothing was run or written); the first 2:")
            .And.Contain("alvh:   condor.rules.minVix: must not exceed maxVix (values: condor.rules.maxVix=22)");
        folderAfterRefusal.Should().BeFalse();
        corrected.ExitCode.Should().Be(0, corrected.Error);
        corrected.Output.Should().Contain("2 runs (0 already done, 2 made, 0 of them rejected)");
    }

    /// <summary>
    /// Runs a combination's checks across keys reject are explained (each run's error is also in the Parquet's error
    /// column, which --top never shows): a sweep with some rejected runs says why and exits 0; one whose every run was
    /// rejected is refused before the data are loaded or the folder made, with the first five reasons. Drip and condor
    /// allocations sum to 1 (with the hedge's 0.03) only in two of four combinations. Beyond five reasons, the runs rejected
    /// for others are counted.
    /// </summary>
    [SkippableFact]
    public async Task Rejected_runs_are_explained_and_a_sweep_of_rejected_runs_is_bad_input()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("mixed.yaml", "drip.allocation: [0.77, 0.87]\ncondor.allocation: [0.20, 0.10]\n");
        d.Write("none.yaml", "drip.allocation: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8]\n");
        d.Write("many.yaml", "drip.allocation: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 0.87]\n");
        string[] args = ["sweep", "--preset", "drip-condor-alvh", "--from", "2019-01-02", "--to", "2019-06-28", "--quiet", "--data", data];

        var mixed = await CliRun.RunAsync(d.Path, null, [.. args, "--grid", "mixed.yaml", "--out", "mixed"]);
        var none = await CliRun.RunAsync(d.Path, null, [.. args, "--grid", "none.yaml", "--out", "none"]);
        var many = await CliRun.RunAsync(d.Path, null, [.. args, "--grid", "many.yaml", "--out", "many"]);

        mixed.ExitCode.Should().Be(0, mixed.Error);
        mixed.Output.Should().Contain("4 runs (0 already done, 4 made, 2 of them rejected)");
        mixed.Error.Should().Contain("alvh: 1 run rejected: allocations: drip + condor + alvh + overlay + cashAllocation must sum to 1, got 0.9 (values: drip.allocation=0.77, condor.allocation=0.10)")
            .And.Contain("got 1.1 (values: drip.allocation=0.87, condor.allocation=0.20)");
        none.ExitCode.Should().Be(ExitCodes.BadInput);
        none.Error.Should().Contain("alvh: bad input: every one of the grid's 7 points is refused by a check across keys (nothing was run or written); the first 5:")
            .And.Contain("alvh:   allocations: drip + condor + alvh + overlay + cashAllocation must sum to 1, got 0.63 (values: drip.allocation=0.5)")
            .And.NotContain("got 0.73 (values: drip.allocation=0.6)", "five reasons are printed");
        Directory.Exists(Path.Combine(d.Path, "none")).Should().BeFalse("nothing is written when no point can run");
        // Seven rejected runs (each reason names its values): the first five are printed, the two others counted (they were not).
        many.ExitCode.Should().Be(0, many.Error);
        many.Error.Should().Contain("alvh: 1 run rejected: allocations: drip + condor + alvh + overlay + cashAllocation must sum to 1, got 0.63 (values: drip.allocation=0.5)")
            .And.Contain("alvh: 2 more runs rejected for other reasons (the parts' error column holds each run's)");
        mixed.Error.Should().NotContain("more run");
    }

    /// <summary>
    /// What a sweep does differently from what was asked is said: a sample as large as the grid runs the grid, and a
    /// ranking by a metric no run has (2008's drawdown on a 2019 sweep) says why its table is empty.
    /// </summary>
    [SkippableFact]
    public async Task A_sample_as_large_as_the_grid_and_an_empty_ranking_are_explained()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("grid.yaml", "capital: [100000, 200000, 300000]\n");

        var run = await CliRun.RunAsync(d.Path, null, "sweep", "--preset", "drip", "--grid", "grid.yaml", "--from", "2019-01-02", "--to", "2019-12-31", "--out", "out", "--quiet", "--data", data, "--sample", "3");
        var empty = await CliRun.RunAsync(d.Path, null, "sweep", "--out", "out", "--top", "2", "--by", "drawdown2008");
        var ranked = await CliRun.RunAsync(d.Path, null, "sweep", "--out", "out", "--top", "2", "--by", "sharpe");

        run.ExitCode.Should().Be(0, run.Error);
        run.Error.Should().Contain("alvh: note: --sample 3 is at least the grid's 3 points: the whole grid runs");
        empty.ExitCode.Should().Be(0, empty.Error);
        empty.Output.Should().Contain("no run has a value of drawdown2008 (3 runs read; its window may lie outside the sweep's period, or the runs failed)");
        ranked.ExitCode.Should().Be(0, ranked.Error);
        ranked.Output.Should().NotContain(" ranked; ", "every run has a Sharpe");
    }

    /// <summary>
    /// The seed only draws a sample. A sweep of the whole grid wrote it into its manifest all the same, so a resume of the
    /// same sweep with another --seed was refused as "a different sweep" (found 2026-11-28: a 3-point DRIP sweep, then
    /// --resume --seed 7, exit 2). Now the whole grid's manifest names no seed, --seed without a sample gets a note, a
    /// folder written before (its first line "sample all, seed 1") still resumes, and a sample's seed still counts.
    /// </summary>
    [SkippableFact]
    public async Task The_seed_is_part_of_a_sampled_sweep_only()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("grid.yaml", "capital: [100000, 200000, 300000]\n");
        string[] args = ["sweep", "--preset", "drip", "--grid", "grid.yaml", "--from", "2019-01-02", "--to", "2019-12-31", "--quiet", "--data", data];

        var whole = await CliRun.RunAsync(d.Path, null, [.. args, "--out", "whole", "--seed", "3"]);
        var resumed = await CliRun.RunAsync(d.Path, null, [.. args, "--out", "whole", "--resume", "--seed", "9"]);
        var manifest = Path.Combine(d.Path, "whole", Sweep.ManifestName);
        string written = File.ReadAllText(manifest);
        File.WriteAllText(manifest, written.Replace(", sample all, as-if", ", sample all, seed 1, as-if", StringComparison.Ordinal));
        var earlier = await CliRun.RunAsync(d.Path, null, [.. args, "--out", "whole", "--resume"]);
        var sampled = await CliRun.RunAsync(d.Path, null, [.. args, "--out", "sampled", "--sample", "2", "--seed", "3"]);
        var otherSeed = await CliRun.RunAsync(d.Path, null, [.. args, "--out", "sampled", "--sample", "2", "--seed", "4", "--resume"]);

        whole.ExitCode.Should().Be(0, whole.Error);
        whole.Error.Should().Contain("alvh: note: --seed draws a --sample; the whole grid runs, so it changes nothing");
        written.Should().StartWith("# alvh sweep: from 2019-01-02 to 2019-12-31, sample all, as-if False");
        resumed.ExitCode.Should().Be(0, resumed.Error);
        resumed.Output.Should().Contain("sweep: 3 runs (3 already done, 0 made, 0 of them rejected)");
        earlier.ExitCode.Should().Be(0, earlier.Error);
        earlier.Output.Should().Contain("sweep: 3 runs (3 already done, 0 made, 0 of them rejected)");
        File.ReadAllText(manifest).Should().Contain("sample all, seed 1,", "a matched resume keeps the folder's own manifest");
        sampled.ExitCode.Should().Be(0, sampled.Error);
        File.ReadAllText(Path.Combine(d.Path, "sampled", Sweep.ManifestName)).Should().StartWith("# alvh sweep: from 2019-01-02 to 2019-12-31, sample 2 drawn by xoshiro256**, seed 3, as-if False");
        otherSeed.ExitCode.Should().Be(ExitCodes.BadInput, otherSeed.Output);
        otherSeed.Error.Should().Contain("holds a different sweep");
    }

    /// <summary>
    /// A folder of the whole grid written before 2026-11-28 named the seed it was given, whichever, and a --sample at least
    /// the grid's size as a sample: it resumed only with that same --seed (and --sample), though the seed now "changes
    /// nothing" and such a sample is the whole grid (found 2026-11-28: a 3-point DRIP sweep written with --seed 7 by the
    /// earlier build, then --resume without --seed: exit 2, "holds a different sweep"). Any seed is the same sweep now;
    /// a manifest of a real sample (2 of 3 points) still is not.
    /// </summary>
    [SkippableFact]
    public async Task A_whole_grid_folder_written_with_any_seed_before_resumes()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("grid.yaml", "capital: [100000, 200000, 300000]\n");
        string[] args = ["sweep", "--preset", "drip", "--grid", "grid.yaml", "--from", "2019-01-02", "--to", "2019-03-29", "--quiet", "--data", data, "--out", "whole"];
        var first = await CliRun.RunAsync(d.Path, null, args);
        first.ExitCode.Should().Be(0, first.Error);
        var manifest = Path.Combine(d.Path, "whole", Sweep.ManifestName);
        string written = File.ReadAllText(manifest);

        async Task<CliRun.Result> ResumeAs(string firstLine)
        {
            File.WriteAllText(manifest, written.Replace(", sample all, as-if", firstLine, StringComparison.Ordinal));
            return await CliRun.RunAsync(d.Path, null, [.. args, "--resume"]);
        }
        var seven = await ResumeAs(", sample all, seed 7, as-if");
        var negative = await ResumeAs(", sample all, seed -5, as-if");
        var large = await ResumeAs(", sample 5 drawn by xoshiro256**, seed 7, as-if");
        var exact = await ResumeAs(", sample 3 drawn by xoshiro256**, seed 1, as-if");
        var sample = await ResumeAs(", sample 2 drawn by xoshiro256**, seed 7, as-if");

        foreach (var r in new[] { seven, negative, large, exact })
        {
            r.ExitCode.Should().Be(0, r.Error);
            r.Output.Should().Contain("sweep: 3 runs (3 already done, 0 made, 0 of them rejected)");
        }
        sample.ExitCode.Should().Be(ExitCodes.BadInput, sample.Output);
        sample.Error.Should().Contain("holds a different sweep");
    }

    /// <summary>
    /// A period without two trading days, or an empty sample, is refused before the output folder is marked as a sweep's.
    /// The days counted are those a run can cover, with both an S&amp;P 500 and a VIX close (1990-01-02 to 2026-02-11 in the
    /// shared data, PROVENANCE.md and README): from 2026-03-01 (S&amp;P 500 closes to 2026-05-29, no VIX), from 2026-02-11 (its
    /// last day) or to 1990-01-02 (its first) passed the S&amp;P 500's calendar, every run was then rejected ("no trading days
    /// from 2026-03-01", "needs at least 2 values, got 1 (Parameter 'equity')"), and the folder was left marked, so the
    /// corrected sweep into it was refused as "a different sweep".
    /// </summary>
    [SkippableTheory]
    [InlineData("fewer than two trading days", "--from", "2019-06-28", "--to", "2019-01-02")]
    [InlineData("fewer than two trading days", "--from", "2040-01-02")]
    [InlineData("fewer than two trading days", "--from", "2019-06-03", "--to", "2019-06-03")]
    [InlineData("fewer than two trading days", "--from", "2026-03-01")]
    [InlineData("fewer than two trading days", "--from", "2026-02-11")]
    [InlineData("fewer than two trading days", "--to", "1990-01-02")]
    [InlineData("--sample must be at least 1", "--sample", "0")]
    public async Task An_impossible_sweep_is_refused_before_it_starts(string fragment, params string[] extra)
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("grid.yaml", "capital: [100000, 200000]\n");

        var run = await CliRun.RunAsync(d.Path, null, ["sweep", "--preset", "drip", "--grid", "grid.yaml", "--out", "out", "--quiet", "--data", data, .. extra]);

        run.ExitCode.Should().Be(ExitCodes.BadInput, run.Error);
        run.Error.Should().Contain(fragment);
        Directory.Exists(Path.Combine(d.Path, "out")).Should().BeFalse("nothing was started, so nothing needs --resume");
    }

    /// <summary>
    /// The query's table shows the grid's values as the grid gave them: rounded to 4 decimals like the metrics, the
    /// trancheFraction points 0.00025 and 0.00075 read 0.0003 and 0.0008, and budgetPerYear 0.029838 and 0.02981 both read
    /// 0.0298 (from a sampled {from: 0, to: 0.2, step: 0.000001} range), so the best run's parameters could not be told.
    /// The metrics keep 4 decimals (a Sharpe of 0.61237 reads 0.6124).
    /// </summary>
    [Fact]
    public async Task Top_shows_the_grid_values_in_full()
    {
        using var d = new TempFolder();
        var grid = GridFile.Parse("alvh.rules.trancheFraction: [0.00025, 0.00075]\nalvh.rules.budgetPerYear: [0.029838, 0.02981]\n", "grid.yaml");
        var rows = Enumerable.Range(0, 4).Select(id => new SweepRow(id, grid.Assignment(id),
            RunMetrics.Names.Select(name => name == "sharpe" ? 0.61237 - 0.1 * id : 0.1).ToArray(), null)).ToArray();
        await new SweepStore(Path.Combine(d.Path, "out")).WritePartAsync(grid, rows);

        var top = await CliRun.RunAsync(d.Path, null, "sweep", "--out", "out", "--top", "4", "--by", "sharpe");

        top.ExitCode.Should().Be(0, top.Error);
        var lines = top.Output.Split('\n').Where(l => l.Contains('│')).Skip(1).Select(l => l.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray();
        // The header row is skipped; columns: runId, the two axes, cagr, volatility, sharpe, ...
        lines.Select(cells => (cells[1], cells[2], cells[5])).Should().Equal(
            ("0.00025", "0.029838", "0.6124"), ("0.00025", "0.02981", "0.5124"), ("0.00075", "0.029838", "0.4124"), ("0.00075", "0.02981", "0.3124"));
    }

    /// <summary>
    /// The query says under its table what it ranked and over which period the runs were measured, from the folder's
    /// manifest, and the metrics' units and windows: it showed "sharpe 0.6863" and "maxDrawdown -0.299" with neither the
    /// years nor the unit (review, a sweep over 2015-2025 queried by --top 5 --by sharpe).
    /// </summary>
    [Fact]
    public async Task Top_says_the_order_the_period_and_the_units()
    {
        using var d = new TempFolder();
        var grid = GridFile.Parse("capital: [100000, 200000]\n", "grid.yaml");
        var rows = Enumerable.Range(0, 2).Select(id => new SweepRow(id, grid.Assignment(id), RunMetrics.Names.Select(_ => 0.1 * (id + 1)).ToArray(), null)).ToArray();
        var store = new SweepStore(Path.Combine(d.Path, "out"));
        await store.WritePartAsync(grid, rows);
        File.WriteAllText(Path.Combine(store.Folder, Sweep.ManifestName), "# alvh sweep: from 2015-01-01 to 2025-12-31, sample all, as-if False\n# grid\ncapital: [100000, 200000]\n");

        var top = await CliRun.RunAsync(d.Path, null, "sweep", "--out", "out", "--top", "2", "--by", "maxDrawdown");

        top.ExitCode.Should().Be(0, top.Error);
        top.Output.Should().Contain("ranked by maxDrawdown, highest first (ties: the lower runId first; runs without a value are left out)")
            .And.Contain("runs from 2015-01-01 to 2025-12-31, sample all, as-if False (sweep.manifest)")
            .And.Contain("cagr and volatility are fractions a year, sharpe is annualised over T-bills")
            .And.Contain("drawdown2008: 2008-09-01 to 2009-06-30, drawdown2020: 2020-02-19 to 2020-06-30, from the close before");
        var ascending = await CliRun.RunAsync(d.Path, null, "sweep", "--out", "out", "--top", "2", "--by", "volatility", "--ascending");
        ascending.Output.Should().Contain("ranked by volatility, lowest first");
    }

    /// <summary>
    /// A part cut after it was written (its last half gone) is bad input naming the file, as a data file that cannot be
    /// read is: it exited 1, "cannot write or read a file" (review).
    /// </summary>
    [Fact]
    public async Task A_damaged_part_is_bad_input_naming_it()
    {
        using var d = new TempFolder();
        var grid = GridFile.Parse("capital: [100000, 200000]\n", "grid.yaml");
        var rows = Enumerable.Range(0, 2).Select(id => new SweepRow(id, grid.Assignment(id), RunMetrics.Names.Select(_ => 0.1).ToArray(), null)).ToArray();
        var store = new SweepStore(Path.Combine(d.Path, "out"));
        await store.WritePartAsync(grid, rows);
        var part = Directory.GetFiles(store.Folder, "*.parquet").Single();
        var bytes = File.ReadAllBytes(part);
        File.WriteAllBytes(part, bytes[..(bytes.Length / 2)]);

        var top = await CliRun.RunAsync(d.Path, null, "sweep", "--out", "out", "--top", "2", "--by", "sharpe");

        top.ExitCode.Should().Be(ExitCodes.BadInput, top.Output);
        top.Error.Should().StartWith($"alvh: bad input: {part}: not a readable Parquet part of a sweep");
    }

    /// <summary>
    /// A grid too large to run in full (over 2^31 - 1 points) without a smaller --sample is refused before the data is
    /// loaded and the folder marked: it was refused after both, leaving a sweep.manifest in a new folder.
    /// </summary>
    [Fact]
    public async Task A_grid_too_large_to_run_in_full_is_refused_before_the_folder_is_made()
    {
        using var d = new TempFolder();
        // 3,999 capitals x 1,000 DRIP allocations x 1,001 cash allocations = 4,002,999,000 points (each value valid alone).
        d.Write("grid.yaml", "capital: {from: 1000, to: 2000000, step: 500}\ndrip.allocation: {from: 0.001, to: 1, step: 0.001}\ncashAllocation: {from: 0, to: 1, step: 0.001}\n");

        var run = await CliRun.RunAsync(d.Path, null, "sweep", "--preset", "drip", "--grid", "grid.yaml", "--out", "out", "--quiet", "--data", Path.Combine(d.Path, "no-data"));

        run.ExitCode.Should().Be(ExitCodes.BadInput, run.Error);
        run.Error.Should().Contain("the grid has 4,002,999,000 points, too many to run in full: give --sample N");
        Directory.Exists(Path.Combine(d.Path, "out")).Should().BeFalse();
    }

    /// <summary>Only the commands that watch their token take the first Ctrl+C or SIGTERM as a cancellation (Program.cs).</summary>
    [Theory]
    [InlineData(true, "sweep", "--preset", "drip", "--grid", "g.yaml")]
    [InlineData(true, "walkforward", "--preset", "drip")]
    [InlineData(true, "data", "fetch", "--out", "d")]
    [InlineData(true, "--quiet", "sweep", "--resume")]
    [InlineData(false, "data", "info")]
    [InlineData(false, "study", "--out", "sweep")]
    [InlineData(false, "montecarlo", "--paths", "10")]
    [InlineData(false, "bench")]
    [InlineData(false)]
    public void Only_commands_that_stop_early_take_a_signal_as_a_cancellation(bool expected, params string[] args) =>
        AlvhCli.StopsEarly(args).Should().Be(expected, string.Join(' ', args));

    /// <summary>Standard error that cancels a token at the first line starting with a prefix.</summary>
    private sealed class CancelOnWrite(string prefix, CancellationTokenSource cancel) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value is not null && value.StartsWith(prefix, StringComparison.Ordinal)) cancel.Cancel();
        }
    }
}
