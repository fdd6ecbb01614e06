using Alvh.Data.Research;
using Alvh.Research;
using Alvh.Strategies;

namespace Alvh.Data.Tests.Research;

public class SweepTests
{
    private const string Grid = "condor.rules.shortDelta: [0.10, 0.16, 0.20]\nalvh.rules.budgetPerYear: {from: 0.005, to: 0.02, step: 0.005}\n";

    [Fact]
    public void Grid_files_expand_lists_and_ranges()
    {
        var grid = GridFile.Parse(Grid + "alvh.layerTenors: [[30, 60], [30, 60, 90]]\n", "g.yaml");
        grid.Count.Should().Be(24);
        grid.Axes[1].Values.Select(v => v.Number).Should().Equal(0.005, 0.01, 0.015, 0.02);
        grid.Axes[2].Values.Select(v => v.Text).Should().Equal("[30, 60]", "[30, 60, 90]");
        grid.Axes[2].IsNumeric.Should().BeFalse();
        FluentActions.Invoking(() => GridFile.Parse("a.b: {from: 1, to: 0, step: 1}", "g.yaml")).Should().Throw<GridFileException>().WithMessage("*line 1: a.b*");
    }

    /// <summary>
    /// A range axis is computed, not held: almost a million values of a capital axis (the most a range may have) cost no memory until a run asks for
    /// its value, and each value is the one the materialized list had (<c>from + k·step</c> rounded to 12 decimals,
    /// shortest round-trip text, so 0.1 + 2·0.1 is 0.3, not 0.30000000000000004).
    /// </summary>
    [Fact]
    public void Range_axes_are_computed_when_asked_for()
    {
        var big = GridFile.Parse("capital: {from: 100000, to: 999999000, step: 1000}\n", "g.yaml");
        var values = big.Axes[0].Values.Should().BeOfType<GridRange>().Subject;
        values.Should().HaveCount(999_900);
        values[0].Should().Be(new GridValue("100000", 100000));
        values[999_899].Should().Be(new GridValue("999999000", 999_999_000));
        big.Axes[0].IsNumeric.Should().BeTrue();
        big.Assignment(12_345).Should().Equal(new GridValue("12445000", 12_445_000));

        var tenths = GridFile.Parse("a.b: {from: 0.1, to: 0.5, step: 0.1}\n", "g.yaml").Axes[0].Values;
        tenths.Select(v => v.Text).Should().Equal("0.1", "0.2", "0.3", "0.4", "0.5");
        tenths.Select(v => v.Number).Should().Equal(0.1, 0.2, 0.3, 0.4, 0.5);
        // 2e-13 rounds to 0 at 12 decimals, so the first two values are one grid point.
        FluentActions.Invoking(() => GridFile.Parse("a.b: {from: 0, to: 1e-12, step: 2e-13}\n", "g.yaml"))
            .Should().Throw<GridFileException>().WithMessage("g.yaml: line 1: a.b: the value 0 is listed twice*");
        FluentActions.Invoking(() => values[999_900]).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    // Each passed silently: an extra range key was ignored, a repeated value ran every grid point twice, a second
    // document was dropped, and a non-text key crashed with a cast.
    [InlineData("a.b: {from: 1, to: 3, step: 1, stpe: 2}\n", "line 1: a.b: unknown range key 'stpe'")]
    [InlineData("a.b: [0.1, 0.2, 0.1]\n", "line 1: a.b: the value 0.1 is listed twice")]
    [InlineData("a.b: [1, 2]\n---\nc.d: [3]\n", "line 3: a second YAML document")]
    [InlineData("a.b: [0.1, 0.10]\n", "line 1: a.b: the value 0.1 is listed twice")]
    [InlineData("a.b: [Friday, friday]\n", "line 1: a.b: the value Friday is listed twice")]
    [InlineData("? [a, b]\n: 1\n", "line 1: a key must be a key path")]
    [InlineData("# use *y for the list\na.b: [see *y here, 2]\nc.d: [*y, 3]\n", "line 3: the alias *y refers to no anchor (no &y in the file)")]
    [InlineData("a.b: {from: 0, to: 1, step: 1e-300}\n", "line 1: a.b: 1E+300 values are too many (a range has at most 1,000,000)")]
    [InlineData("a.b: {from: -1.7e308, to: 1.7e308, step: 1}\n", "line 1: a.b: the values are too many (a range has at most 1,000,000)")]
    // Nested like a strategy file: it said "condor: unknown range key 'rules' (a range has from, to and step)".
    [InlineData("condor:\n  rules:\n    shortDelta: [0.1, 0.2]\n", "line 2: condor: a mapping of other keys, not a range {from, to, step}: a grid names each key by its whole path, dotted, e.g. condor.rules.shortDelta: [0.10, 0.16]")]
    public void Grid_files_refuse_what_they_used_to_ignore(string yaml, string message) =>
        FluentActions.Invoking(() => GridFile.Parse(yaml, "g.yaml")).Should().Throw<GridFileException>().WithMessage($"g.yaml: {message}*");

    /// <summary>
    /// Every refusal of a grid file names the file and the line: the checks of a key and its values against the strategy
    /// (an unknown key, a value out of its range, a word where a number belongs) named only the key path, a mapping inside
    /// a list named no file, and a grid of more than 2^63 points said "Arithmetic operation resulted in an overflow.".
    /// </summary>
    [Theory]
    [InlineData("alvh.rules.budgetPerYear: [0.01]\nalvh.rules.nosuchKey: [1, 2]\n", "g.yaml: line 2: alvh.rules.nosuchKey: unknown key (allowed: budgetPerYear,*")]
    [InlineData("alvh.rules.budgetPerYear: [0.01]\nalvh.rules.monetiseVix:\n  - 20\n  - abc\n", "g.yaml: line 2: alvh.rules.monetiseVix: expected a number, got 'abc'*")]
    [InlineData("alvh.rules.budgetPerYear: {from: 0.01, to: 5, step: 0.5}\n", "g.yaml: line 1: alvh.rules.budgetPerYear: 0.51 is out of range (allowed 0..0.2*")]
    [InlineData("alvh.rules.budgetPerYear: [0.01, {a: 1}]\n", "g.yaml: line 1: alvh.rules.budgetPerYear: a grid value must be a scalar or a list")]
    [InlineData("a.b: {from: 0, to: 1, step: 0.000001}\n", "g.yaml: line 1: a.b: 1,000,001 values are too many (a range has at most 1,000,000)")]
    [InlineData("a: {from: 1, to: 1000000, step: 1}\nb: {from: 1, to: 1000000, step: 1}\nc: {from: 1, to: 1000000, step: 1}\nd: {from: 1, to: 1000000, step: 1}\n",
        "g.yaml: the grid has more than 9.22E+18 points*")]
    // Key paths ignore case, so YAML's duplicate-key check passes this: it said "g.yaml: alvh.rules.budgetPerYear: given twice".
    [InlineData("alvh.rules.budgetPerYear: [0.01]\nalvh.rules.monetiseVix: [30]\nalvh.rules.BudgetPerYear: [0.02]\n",
        "g.yaml: line 3: alvh.rules.BudgetPerYear: the key path is given twice (first at line 1; key paths ignore case)")]
    // A list written twice with its numbers spelled differently is one grid point (its text was compared as written).
    [InlineData("alvh.layerTenors: [[30, 60], [30, 60.0]]\n", "g.yaml: line 1: alvh.layerTenors: the value [30, 60] is listed twice*")]
    // A grid over the strategy's name ran every point as the same strategy (the patch keeps the base's name).
    [InlineData("alvh.rules.budgetPerYear: [0.01]\nname: [a, b]\n", "g.yaml: line 2: name: labels the strategy and changes no run*")]
    [InlineData("Description: [x, y]\n", "g.yaml: line 1: Description: labels the strategy and changes no run*")]
    public void Grid_errors_name_the_file_and_the_line(string yaml, string message) =>
        FluentActions.Invoking(() => new StrategyPatch(Presets.DripAlvh).Validate(GridFile.Parse(yaml, "g.yaml")))
            .Should().Throw<GridFileException>().WithMessage(message);

    [Fact]
    public void A_trailing_document_marker_is_not_a_second_document() =>
        GridFile.Parse("a.b: [1, 2]\n---\n", "g.yaml").Count.Should().Be(2);

    [Fact]
    public void Key_paths_are_set_on_a_copy_and_checked_like_a_strategy_file()
    {
        var patch = new StrategyPatch(Presets.DripCondorAlvh);
        var s = patch.Apply(["condor.rules.shortDelta", "alvh.layerTenors", "condor.rules.entryWeekday"],
            [new GridValue("0.1", 0.1), new GridValue("[30, 60]", double.NaN), new GridValue("Monday", double.NaN)]);
        s.Condor!.Rules.ShortDelta.Should().Be(0.1);
        s.Alvh!.LayerTenors.Should().Equal(30, 60);
        s.Condor.Rules.EntryWeekday.Should().Be(DayOfWeek.Monday);
        s.Name.Should().Be("drip-condor-alvh");
        Presets.DripCondorAlvh.Condor!.Rules.ShortDelta.Should().Be(0.16, "the base is not changed");

        FluentActions.Invoking(() => patch.Apply(["condor.rules.shortDelta"], [new GridValue("0.7", 0.7)]))
            .Should().Throw<GridFileException>().WithMessage("condor.rules.shortDelta: 0.7 is out of range*");
        FluentActions.Invoking(() => patch.Apply(["condor.rules.shortDelt"], [new GridValue("0.1", 0.1)]))
            .Should().Throw<GridFileException>().WithMessage("condor.rules.shortDelt: unknown key*");
        FluentActions.Invoking(() => new StrategyPatch(Presets.Drip).Apply(["condor.allocation"], [new GridValue("0.1", 0.1)]))
            .Should().Throw<GridFileException>().WithMessage("condor: the strategy has no condor section*");
    }

    /// <summary>
    /// Allocations are swept together: drip 0.77 with condor 0.20 sums to 1 with the hedge's 0.03, though either value alone
    /// does not with the base strategy's other allocation; the grid validates, the good combination runs, and a
    /// combination that does not sum to 1 is refused when applied (a sweep records it as that run's error). A key's own
    /// range and its own value checks (a list's items) are still checked for every value up front.
    /// </summary>
    [Fact]
    public void Checks_across_keys_apply_to_each_combination_not_to_each_value()
    {
        var patch = new StrategyPatch(Presets.DripCondorAlvh);
        var grid = GridFile.Parse("drip.allocation: [0.77, 0.87]\ncondor.allocation: [0.20, 0.10]\n", "g.yaml");
        var paths = grid.Axes.Select(a => a.Path).ToArray();

        patch.Validate(grid);
        var together = patch.Apply(paths, grid.Assignment(0));
        var apart = () => patch.Apply(paths, grid.Assignment(1));

        together.Drip!.Allocation.Should().Be(0.77);
        together.Condor!.Allocation.Should().Be(0.20);
        apart.Should().Throw<GridFileException>().WithMessage("*must sum to 1, got 0.9 *(values: drip.allocation=0.77, condor.allocation=0.10)");
        FluentActions.Invoking(() => patch.Validate(GridFile.Parse("condor.allocation: [0.2, 1.5]\n", "g.yaml"))).Should().Throw<GridFileException>().WithMessage("*condor.allocation*");
        // A check of one key's own value (a list's items) is still made up front.
        FluentActions.Invoking(() => new StrategyPatch(Presets.DripAlvh).Validate(GridFile.Parse("alvh.layerTenors: [[30, 60], [30, 30]]\n", "g.yaml")))
            .Should().Throw<GridFileException>().WithMessage("g.yaml: line 1: alvh.layerTenors: tenors must differ (values: alvh.layerTenors=[30, 30])");
    }

    /// <summary>
    /// A patch copies the mappings along its key paths and shares the parsed base: patches of two keys in one
    /// section keep both; a patch that failed leaves nothing behind; 2,000 patches applied in parallel equal the
    /// same patches applied one by one (written back as strategy files), and the base still reads as the preset.
    /// </summary>
    [Fact]
    public void Patches_share_the_parsed_base_without_changing_it()
    {
        var patch = new StrategyPatch(Presets.DripCondorAlvh);
        var both = patch.Apply(["condor.rules.shortDelta", "condor.rules.putWing", "alvh.rules.regimeMultiplier.High"],
            [new GridValue("0.12", 0.12), new GridValue("25", 25), new GridValue("0.9", 0.9)]);
        both.Condor!.Rules.ShortDelta.Should().Be(0.12);
        both.Condor.Rules.PutWing.Should().Be(25);
        both.Alvh!.Rules.RegimeMultiplier[Alvh.Regimes.VixRegime.High].Should().Be(0.9);
        both.Alvh.Rules.RegimeMultiplier[Alvh.Regimes.VixRegime.Calm].Should().Be(1.25);
        // Only the patched lines differ from the base, written back: every mapping keeps its key order.
        var baseLines = Alvh.Data.Strategies.StrategyWriter.Write(Presets.DripCondorAlvh).Split('\n');
        var bothLines = Alvh.Data.Strategies.StrategyWriter.Write(both).Split('\n');
        bothLines.Should().HaveCount(baseLines.Length);
        baseLines.Zip(bothLines).Count(p => p.First != p.Second).Should().Be(3);
        FluentActions.Invoking(() => patch.Apply(["condor.rules.putWing", "condor.rules.shortDelta"], [new GridValue("30", 30), new GridValue("0.9", 0.9)]))
            .Should().Throw<GridFileException>();
        Alvh.Data.Strategies.StrategyWriter.Write(patch.Apply([], [])).Should().Be(Alvh.Data.Strategies.StrategyWriter.Write(Presets.DripCondorAlvh), "a failed patch leaves the base as it was");
        FluentActions.Invoking(() => patch.Apply(["condor.rules.shortDelta"], [new GridValue("a: b", double.NaN)]))
            .Should().Throw<GridFileException>().WithMessage("condor.rules.shortDelta: 'a: b' is not a YAML value*");
        FluentActions.Invoking(() => patch.Apply(["alvh.layerTenors"], [new GridValue("30", 30)]))
            .Should().Throw<GridFileException>().WithMessage("alvh.layerTenors: expected a list*");

        var grid = GridFile.Parse("condor.rules.shortDelta: {from: 0.05, to: 0.3, step: 0.01}\ncondor.rules.putWing: {from: 10, to: 100, step: 10}\nalvh.rules.budgetPerYear: {from: 0.005, to: 0.04, step: 0.005}\n", "g.yaml");
        var paths = grid.Axes.Select(a => a.Path).ToArray();
        int count = (int)Math.Min(grid.Count, 2_000);
        var parallel = new string[count];
        Parallel.For(0, count, i => parallel[i] = Alvh.Data.Strategies.StrategyWriter.Write(patch.Apply(paths, grid.Assignment(i))));
        var sequential = Enumerable.Range(0, count).Select(i => Alvh.Data.Strategies.StrategyWriter.Write(patch.Apply(paths, grid.Assignment(i)))).ToArray();

        parallel.Should().Equal(sequential);
        parallel.Distinct().Should().HaveCount(count);
        Alvh.Data.Strategies.StrategyWriter.Write(patch.Apply([], [])).Should().Be(Alvh.Data.Strategies.StrategyWriter.Write(Presets.DripCondorAlvh));
    }

    private static SweepRequest Request(string folder, bool resume, int threads, int? stopAfter = null) => new()
    {
        Grid = GridFile.Parse(Grid, "g.yaml"),
        Strategy = new StrategyPatch(Presets.DripCondorAlvh),
        // A fast deterministic stand-in for a backtest: metrics from the parameters.
        Evaluate = (s, _) => RunMetrics.Names.Select((_, i) => s.Condor!.Rules.ShortDelta * (i + 1) + s.Alvh!.Rules.BudgetPerYear).ToArray(),
        Folder = folder,
        Manifest = "test sweep",
        Resume = resume,
        Threads = threads,
        FlushEvery = 5,
        StopAfter = stopAfter,
    };

    private static async Task<string[]> Rows(string folder) =>
        (await SweepQuery.AllAsync(folder)).Select(r => string.Join("|", r.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))).Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// A part whose folder could not be flushed after its rename (a file system that answers EINVAL to fsync on a folder)
    /// is kept and journaled, and counted: the sweep said nothing of it, though its name might not survive a power cut.
    /// 12 runs in parts of 5 are three parts.
    /// </summary>
    [Fact]
    public async Task Parts_whose_folder_could_not_be_flushed_are_counted_and_kept()
    {
        await InTempFolder(async root =>
        {
            var folder = Path.Combine(root, "sweep");
            var summary = await Sweep.RunAsync(Request(folder, resume: false, threads: 1) with { FlushFolder = _ => "fsync failed, errno 22" });
            var flushed = await Sweep.RunAsync(Request(Path.Combine(root, "flushed"), resume: false, threads: 1));

            summary.Made.Should().Be(12);
            summary.UnflushedParts.Should().Be(3);
            summary.FlushProblem.Should().Be("fsync failed, errno 22");
            (await Rows(folder)).Should().Equal(await Rows(Path.Combine(root, "flushed")));
            flushed.UnflushedParts.Should().Be(0);
            flushed.FlushProblem.Should().BeNull();
        });
    }

    /// <summary>
    /// A folder whose results have lost their manifest is refused on --resume: with no manifest to match, a resume took the
    /// parts' runs as its own, whatever sweep (another period, another strategy with the same grid) had made them.
    /// </summary>
    [Fact]
    public async Task A_resume_of_results_without_a_manifest_is_refused()
    {
        await InTempFolder(async root =>
        {
            var folder = Path.Combine(root, "sweep");
            (await Sweep.RunAsync(Request(folder, resume: false, threads: 1, stopAfter: 5))).Made.Should().Be(5);
            File.Delete(Path.Combine(folder, Sweep.ManifestName));

            var resume = FluentActions.Awaiting(() => Sweep.RunAsync(Request(folder, resume: true, threads: 1) with { Manifest = "another sweep" }));

            (await resume.Should().ThrowAsync<GridFileException>()).Which.Message.Should().Contain($"holds sweep results but no {Sweep.ManifestName}");
            File.ReadAllLines(Path.Combine(folder, SweepStore.JournalName)).Should().HaveCount(5, "nothing was run");
            File.Exists(Path.Combine(folder, Sweep.ManifestName)).Should().BeFalse("the folder is left as it was");
        });
    }

    /// <summary>
    /// One sweep at a time writes to a folder: a second (a --resume started while the first still runs) is refused, and the
    /// first ends whole, each run once. The two ran side by side: each made the runs the other had not journaled when it
    /// started, and one failed on a part name the other had taken, or found its part in flight deleted as a leftover. Once
    /// the first has ended, a resume runs (the lock is not a leftover that refuses it).
    /// </summary>
    [Fact]
    public async Task A_second_sweep_of_a_folder_in_use_is_refused()
    {
        await InTempFolder(async root =>
        {
            var folder = Path.Combine(root, "sweep");
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var first = Task.Run(() => Sweep.RunAsync(Request(folder, resume: false, threads: 1) with
            {
                // The first part (ids 0-4) is held in flight while the second sweep starts.
                BeforeWrite = rows =>
                {
                    if (rows[0].RunId != 0) return Task.CompletedTask;
                    held.TrySetResult();
                    return release.Task;
                },
            }));
            await held.Task.WaitAsync(TimeSpan.FromSeconds(30));

            var second = FluentActions.Awaiting(() => Sweep.RunAsync(Request(folder, resume: true, threads: 1)));

            (await second.Should().ThrowAsync<GridFileException>()).Which.Message.Should().Contain("another sweep is writing to this folder");
            release.SetResult();
            (await first.WaitAsync(TimeSpan.FromSeconds(30))).Made.Should().Be(12);
            (await SweepQuery.AllAsync(folder)).Select(r => (long)r[0]!).Order().Should().Equal(Enumerable.Range(0, 12).Select(i => (long)i));
            (await Sweep.RunAsync(Request(folder, resume: true, threads: 1))).Skipped.Should().Be(12);
        });
    }

    /// <summary>
    /// A chunk holds at most the runs the sweep makes: --flush-every 2147483647 (one part for a small sweep) sized its two
    /// chunks' arrays by the option and failed before any run with an internal error (OutOfMemoryException: "Array
    /// dimensions exceeded supported range"), leaving the folder marked as a sweep's. The 12 runs are one part.
    /// </summary>
    [Fact]
    public async Task A_flush_every_larger_than_the_sweep_makes_one_part()
    {
        await InTempFolder(async root =>
        {
            var folder = Path.Combine(root, "sweep");
            var summary = await Sweep.RunAsync(Request(folder, resume: false, threads: 2) with { FlushEvery = int.MaxValue });
            var small = await Sweep.RunAsync(Request(Path.Combine(root, "small"), resume: false, threads: 2));

            summary.Made.Should().Be(12);
            new SweepStore(folder).Parts().Should().ContainSingle();
            (await Rows(folder)).Should().Equal(await Rows(Path.Combine(root, "small")));
        });
    }

    /// <summary>
    /// A metric a run does not have (NaN: a window outside its period, a Sharpe without volatility) is stored as null, the
    /// Parquet schema's optional double, not as NaN: DuckDB's avg() of a column with one NaN is NaN and its ORDER BY ... DESC
    /// puts NaN first, where it skips nulls and sorts them last (DuckDB 1.5.6: avg of NULL, 1.0 and 2.0 is 1.5; ORDER BY x
    /// DESC gives 2, 1, NULL). A rejected run's metrics are null too. --top skips them. Here the stand-in gives drawdown2008
    /// (index 6) only to the runs of shortDelta 0.2 (4 of 12), and sharpe (index 2) NaN to the run of shortDelta 0.1 and
    /// the largest budget.
    /// </summary>
    [Fact]
    public async Task Metrics_a_run_does_not_have_are_stored_as_null()
    {
        await InTempFolder(async root =>
        {
            var folder = Path.Combine(root, "sweep");
            var request = Request(folder, resume: false, threads: 2) with
            {
                Evaluate = (s, _) => RunMetrics.Names.Select((_, i) =>
                    i == 6 && s.Condor!.Rules.ShortDelta != 0.2 ? double.NaN
                    : i == 2 && s.Condor!.Rules.ShortDelta == 0.1 && s.Alvh!.Rules.BudgetPerYear > 0.019 ? double.NaN
                    : s.Condor!.Rules.ShortDelta * (i + 1)).ToArray(),
            };
            await Sweep.RunAsync(request);

            var part = Directory.GetFiles(folder, "results-part*.parquet").Order(StringComparer.Ordinal).First();
            await using var stream = File.OpenRead(part);
            await using var reader = await Parquet.ParquetReader.CreateAsync(stream);
            var fields = reader.Schema.GetDataFields();
            fields.Where(f => RunMetrics.Names.Contains(f.Name)).Should().OnlyContain(f => f.IsNullable && f.ClrType == typeof(double));
            var rows = await SweepQuery.AllAsync(folder);
            int drawdown2008 = Array.FindIndex(fields, f => f.Name == "drawdown2008"), sharpe = Array.FindIndex(fields, f => f.Name == "sharpe");
            rows.Should().HaveCount(12);
            rows.Count(r => r[drawdown2008] is null).Should().Be(8, "the runs of shortDelta 0.1 and 0.16 have no drawdown2008");
            rows.Where(r => r[drawdown2008] is not null).Should().OnlyContain(r => (double)r[drawdown2008]! == 0.2 * 7);
            rows.Count(r => r[sharpe] is null).Should().Be(1);
            rows.SelectMany(r => r).OfType<double>().Should().NotContain(double.NaN);
            var top = await SweepQuery.TopAsync(folder, "drawdown2008", 10, ascending: true);
            top.Rows.Should().HaveCount(4);
            (top.Ranked, top.LeftOut).Should().Be((4L, 8L));
        });
    }

    [Fact]
    public async Task An_interrupted_sweep_resumes_to_the_same_rows_as_a_clean_one()
    {
        await InTempFolder(async root =>
        {
            var clean = Path.Combine(root, "clean");
            var summary = await Sweep.RunAsync(Request(clean, resume: false, threads: 1));
            summary.Made.Should().Be(12);

            var killed = Path.Combine(root, "killed");
            (await Sweep.RunAsync(Request(killed, resume: false, threads: 2, stopAfter: 7))).Made.Should().Be(7);
            // What a SIGKILL can leave: a half-written part and a torn journal line.
            await File.WriteAllTextAsync(Path.Combine(killed, "results-part00009.parquet.tmp"), "PAR1 partial");
            await File.WriteAllTextAsync(Path.Combine(killed, ".sweep.manifest.123.0123456789abcdef0123456789abcdef.tmp"), "# alvh sw");
            // Not the sweep's: a resume deleted every *.tmp of the folder.
            await File.WriteAllTextAsync(Path.Combine(killed, "notes.tmp"), "mine");
            await File.AppendAllTextAsync(Path.Combine(killed, SweepStore.JournalName), "1");
            await FluentActions.Invoking(() => Sweep.RunAsync(Request(killed, resume: false, threads: 2))).Should().ThrowAsync<GridFileException>().WithMessage("*--resume*");
            var resumed = await Sweep.RunAsync(Request(killed, resume: true, threads: 2));
            resumed.Skipped.Should().Be(7);
            resumed.Made.Should().Be(5);

            (await Rows(killed)).Should().Equal(await Rows(clean));
            Directory.GetFiles(killed, "*.tmp").Select(Path.GetFileName).Should().Equal("notes.tmp");
            var again = await Sweep.RunAsync(Request(killed, resume: true, threads: 2));
            again.Made.Should().Be(0);
            var top = await SweepQuery.TopAsync(clean, "sharpe", 3, ascending: false);
            top.Rows.Select(r => (long)r[0]!).Should().Equal(11, 10, 9);
        });
    }

    /// <summary>
    /// A torn journal line (a kill inside the journal's write) is cut on resume, not left for the next part's ids to be
    /// appended to: "0\n" plus a torn "1", then ids 1-5 appended, read back as runs 0, 11, 2, 3, 4, 5, and run 11, never
    /// made, was skipped by the next resume (11 rows instead of the clean sweep's 12).
    /// </summary>
    [Fact]
    public async Task A_torn_journal_line_does_not_mark_a_run_that_was_never_made()
    {
        await InTempFolder(async root =>
        {
            var clean = Path.Combine(root, "clean");
            await Sweep.RunAsync(Request(clean, resume: false, threads: 1));
            var killed = Path.Combine(root, "killed");
            (await Sweep.RunAsync(Request(killed, resume: false, threads: 1, stopAfter: 1))).Made.Should().Be(1);
            var journal = Path.Combine(killed, SweepStore.JournalName);
            await File.AppendAllTextAsync(journal, "1");
            (await Sweep.RunAsync(Request(killed, resume: true, threads: 1, stopAfter: 5))).Made.Should().Be(5);
            (await File.ReadAllTextAsync(journal)).Should().Be("0\n1\n2\n3\n4\n5\n");
            var resumed = await Sweep.RunAsync(Request(killed, resume: true, threads: 2));
            resumed.Skipped.Should().Be(6);
            resumed.Made.Should().Be(6);
            (await Rows(killed)).Should().Equal(await Rows(clean));
        });
    }

    /// <summary>
    /// The manifest is written whole (a temporary file and a rename) and a resume that matches it leaves it alone. A kill
    /// while it was written in place left it empty, and every later resume was refused as "a different sweep"; a folder
    /// with such a manifest and no results now resumes, and one with results and another sweep's manifest is still refused.
    /// </summary>
    [Fact]
    public async Task A_cut_manifest_without_results_does_not_block_the_resume()
    {
        await InTempFolder(async root =>
        {
            var folder = Path.Combine(root, "cut");
            Directory.CreateDirectory(folder);
            var manifest = Path.Combine(folder, Sweep.ManifestName);
            await File.WriteAllTextAsync(manifest, "");
            (await Sweep.RunAsync(Request(folder, resume: true, threads: 1, stopAfter: 5))).Made.Should().Be(5);
            (await File.ReadAllTextAsync(manifest)).Should().Be("test sweep");
            Directory.GetFiles(folder, "*.tmp").Should().BeEmpty();
            var before = File.GetLastWriteTimeUtc(manifest);
            File.SetLastWriteTimeUtc(manifest, before.AddHours(-1));
            (await Sweep.RunAsync(Request(folder, resume: true, threads: 1))).Made.Should().Be(7);
            File.GetLastWriteTimeUtc(manifest).Should().Be(before.AddHours(-1), "a matching resume does not write the manifest again");
            // Naming the first line that differs (it named none, and the manifest holds the grid and the whole strategy).
            await FluentActions.Invoking(() => Sweep.RunAsync(Request(folder, resume: true, threads: 1) with { Manifest = "another sweep" }))
                .Should().ThrowAsync<GridFileException>().WithMessage("*different sweep*; its sweep.manifest line 1 is 'test sweep', this sweep's 'another sweep'");
            await FluentActions.Invoking(() => Sweep.RunAsync(Request(folder, resume: true, threads: 1) with { Manifest = "test sweep\n# seed 4" }))
                .Should().ThrowAsync<GridFileException>().WithMessage("*; its sweep.manifest line 2 is (none), this sweep's '# seed 4'");
        });
    }

    /// <summary>
    /// The finished ids come back ascending and once each, from the journal's whole lines only: a repeat counts once, a
    /// line that is not a run id (letters, a number past long's range, an empty line) and the torn last line do not
    /// count, and a journal longer than one read block (20,000 ids, 108,890 bytes) loses no id at a block edge; a part's
    /// ids count whether the journal has them or not.
    /// </summary>
    [Fact]
    public async Task Completed_ids_come_from_whole_journal_lines_sorted_and_distinct()
    {
        await InTempFolder(async root =>
        {
            Directory.CreateDirectory(root);
            var journal = Path.Combine(root, SweepStore.JournalName);
            await File.WriteAllTextAsync(journal, "3\n1\n3\n12x\n99999999999999999999\n\n-4\n7");
            (await new SweepStore(root).CompletedIdsAsync()).Should().Equal(1, 3);

            await File.WriteAllTextAsync(journal, string.Concat(Enumerable.Range(0, 20_000).Reverse().Select(i => $"{i}\n")));
            new FileInfo(journal).Length.Should().Be(108_890);
            (await new SweepStore(root).CompletedIdsAsync()).Should().Equal(Enumerable.Range(0, 20_000).Select(i => (long)i));

            // A part written before a kill could journal it: its ids count too, once each.
            var grid = GridFile.Parse(Grid, "g.yaml");
            var metrics = RunMetrics.Names.Select(_ => 1.0).ToArray();
            await new SweepStore(root).WritePartAsync(grid, [new SweepRow(1, grid.Assignment(1), metrics, null), new SweepRow(5, grid.Assignment(5), metrics, null)]);
            await File.WriteAllTextAsync(journal, "3\n1\n");
            (await new SweepStore(root).CompletedIdsAsync()).Should().Equal(1, 3, 5);
        });
    }

    /// <summary>
    /// Parts are written while the next chunk runs. A run that fails outright (an error the sweep does not record as a
    /// rejected row) ends the sweep with that error, but only once the part in flight is on disk and journaled: here the
    /// second part's write is held until the third chunk's run has failed, and the sweep must still be waiting for it.
    /// Progress counts rows written before the error.
    /// </summary>
    [Fact]
    public async Task A_failing_run_ends_the_sweep_after_the_part_in_flight_is_written()
    {
        await InTempFolder(async root =>
        {
            var folder = Path.Combine(root, "failed");
            var runFailed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var failing = Request(folder, resume: false, threads: 2) with
            {
                // Run 11 (0.20 and 0.02, the last of the third chunk of five) fails the way a bug would, not as a rejected parameter set.
                Evaluate = (s, _) =>
                {
                    if (s.Condor!.Rules.ShortDelta == 0.20 && Math.Abs(s.Alvh!.Rules.BudgetPerYear - 0.02) < 1e-12)
                    {
                        runFailed.TrySetResult();
                        throw new NotSupportedException("broken run");
                    }
                    return [.. RunMetrics.Names.Select(_ => 1.0)];
                },
                // The second part (ids 5-9) is held in flight until the test lets it go.
                BeforeWrite = rows => rows[0].RunId == 5 ? release.Task : Task.CompletedTask,
            };
            var progress = new List<int>();
            var sweep = Task.Run(() => Sweep.RunAsync(failing, (done, _) => progress.Add(done)));
            await runFailed.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await Task.Delay(300);
            sweep.IsCompleted.Should().BeFalse("the sweep waits for the part in flight before it reports the failed run");
            release.SetResult();
            await FluentActions.Awaiting(() => sweep).Should().ThrowAsync<NotSupportedException>().WithMessage("broken run");
            var written = await SweepQuery.AllAsync(folder);
            written.Select(r => (long)r[0]!).Order().Should().Equal(0L, 1, 2, 3, 4, 5, 6, 7, 8, 9);
            (await File.ReadAllLinesAsync(Path.Combine(folder, SweepStore.JournalName))).Should().HaveCount(10);
            Directory.GetFiles(folder, "*.tmp").Should().BeEmpty();
            progress.Should().Equal(5);
        });
    }

    /// <summary>
    /// A run's <see cref="InvalidOperationException"/> is a rejected run (the engine refusing what its parameters ask), but a
    /// reused result's rows (<see cref="Alvh.Engine.RunBuffersReusedException"/>, derived from it) are the sweep's own defect:
    /// recorded as a rejection, a read-after-reuse bug would have shown as rows of errors in a sweep that said it finished.
    /// Here one run throws each: the plain one is a rejected row, the reuse ends the sweep with its message.
    /// </summary>
    [Fact]
    public async Task A_reused_result_ends_the_sweep_where_a_refused_run_is_a_rejected_row()
    {
        await InTempFolder(async root =>
        {
            Func<Alvh.Strategies.StrategyDefinition, Alvh.Engine.RunBuffers, double[]> Throwing(Exception error) => (s, _) =>
                s.Condor!.Rules.ShortDelta == 0.20 && Math.Abs(s.Alvh!.Rules.BudgetPerYear - 0.02) < 1e-12 ? throw error : [.. RunMetrics.Names.Select(_ => 1.0)];
            var refused = await Sweep.RunAsync(Request(Path.Combine(root, "refused"), resume: false, threads: 2) with
            {
                Evaluate = Throwing(new InvalidOperationException("no price for that strike")),
            });
            refused.Failed.Should().Be(1);
            refused.Errors.Should().ContainSingle().Which.Error.Should().Contain("no price for that strike");
            var reused = Request(Path.Combine(root, "reused"), resume: false, threads: 2) with
            {
                Evaluate = Throwing(new Alvh.Engine.RunBuffersReusedException("this run's trades were reused by a later run")),
            };
            await FluentActions.Awaiting(() => Sweep.RunAsync(reused)).Should().ThrowAsync<Alvh.Engine.RunBuffersReusedException>().WithMessage("*reused by a later run*");
        });
    }

    /// <summary>
    /// A cancelled sweep keeps every chunk it finished running: cancelled when the first part is reported, it stops
    /// before the third chunk but still writes the second (which was running while the first was written).
    /// </summary>
    [Fact]
    public async Task A_cancelled_sweep_writes_the_chunk_it_finished()
    {
        await InTempFolder(async root =>
        {
            var folder = Path.Combine(root, "cancelled");
            using var cancel = new CancellationTokenSource();
            int evaluated = 0;
            var request = Request(folder, resume: false, threads: 2) with
            {
                Evaluate = (s, _) =>
                {
                    Interlocked.Increment(ref evaluated);
                    return [.. RunMetrics.Names.Select(_ => 1.0)];
                },
            };
            await FluentActions.Awaiting(() => Sweep.RunAsync(request, (done, _) => { if (done == 5) cancel.Cancel(); }, cancel.Token))
                .Should().ThrowAsync<OperationCanceledException>();
            evaluated.Should().Be(10);
            (await SweepQuery.AllAsync(folder)).Select(r => (long)r[0]!).Order().Should().Equal(0L, 1, 2, 3, 4, 5, 6, 7, 8, 9);
            (await File.ReadAllLinesAsync(Path.Combine(folder, SweepStore.JournalName))).Should().HaveCount(10);
            var resumed = await Sweep.RunAsync(Request(folder, resume: true, threads: 2));
            resumed.Skipped.Should().Be(10);
            resumed.Made.Should().Be(2);
        });
    }

    [Fact]
    public async Task Rows_are_the_same_for_any_thread_count()
    {
        await InTempFolder(async root =>
        {
            await Sweep.RunAsync(Request(Path.Combine(root, "one"), false, 1));
            await Sweep.RunAsync(Request(Path.Combine(root, "two"), false, 2));
            (await SweepQuery.AllAsync(Path.Combine(root, "two"))).Select(r => (long)r[0]!).Should().BeInAscendingOrder();
            (await Rows(Path.Combine(root, "two"))).Should().Equal(await Rows(Path.Combine(root, "one")));
        });
    }

    [Fact]
    public async Task Parts_are_listed_and_numbered_on_by_number_even_past_five_digits()
    {
        var folder = Path.Combine(Path.GetTempPath(), "alvh-parts-" + Guid.NewGuid().ToString("N"));
        try
        {
            var grid = GridFile.Parse(Grid, "g.yaml");
            var store = new SweepStore(folder);
            var row = new SweepRow(0, grid.Assignment(0), RunMetrics.Names.Select(_ => 1.0).ToArray(), null);
            await store.WritePartAsync(grid, [row]);
            // A folder that already reached part 99,999 (as a resumed sweep of ~6.4 M runs at 64 a part would):
            // by name "results-part100000" sorts before "results-part99999": parts are listed, and numbered on, by number.
            File.Move(Path.Combine(folder, "results-part00000.parquet"), Path.Combine(folder, "results-part99999.parquet"));
            await new SweepStore(folder).WritePartAsync(grid, [row with { RunId = 1 }]);
            await new SweepStore(folder).WritePartAsync(grid, [row with { RunId = 2 }]);
            new SweepStore(folder).Parts().Select(Path.GetFileName).Should().Equal("results-part99999.parquet", "results-part100000.parquet", "results-part100001.parquet");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// A file in a sweep folder that is not a part is named, for the query and for a resume alike. Before: a copy named
    /// like a part ("results-part00000 (copy).parquet") failed with "The input string '00000 (copy)' was not in a correct
    /// format", a part cut or damaged after it was written with "not a parquet file, head: ..." or as an internal error
    /// (Thrift header), none naming the file; and a query of a folder that does not exist created it.
    /// </summary>
    [Fact]
    public async Task A_file_that_is_not_a_readable_part_is_named_and_a_missing_folder_is_not_made()
    {
        await InTempFolder(async root =>
        {
            var grid = GridFile.Parse(Grid, "g.yaml");
            var row = new SweepRow(0, grid.Assignment(0), RunMetrics.Names.Select(_ => 1.0).ToArray(), null);
            await new SweepStore(root).WritePartAsync(grid, [row]);
            var part = Path.Combine(root, "results-part00000.parquet");

            var copy = Path.Combine(root, "results-part00000 (copy).parquet");
            File.Copy(part, copy);
            (await FluentActions.Awaiting(() => SweepQuery.TopAsync(root, "sharpe", 1, false)).Should().ThrowAsync<GridFileException>())
                .WithMessage($"{copy}: not a part of a sweep*");
            (await FluentActions.Awaiting(() => new SweepStore(root).CompletedIdsAsync()).Should().ThrowAsync<GridFileException>())
                .WithMessage($"{copy}: not a part of a sweep*");
            File.Delete(copy);

            var bytes = File.ReadAllBytes(part);
            File.WriteAllBytes(part, bytes[..100]);
            (await FluentActions.Awaiting(() => SweepQuery.TopAsync(root, "sharpe", 1, false)).Should().ThrowAsync<IOException>())
                .WithMessage($"{part}: not a readable Parquet part*");
            // Damaged inside, its footer's length and magic kept (every byte between the header and the last 200 flipped).
            for (int i = 40; i < bytes.Length - 200; i++) bytes[i] ^= 0x5a;
            File.WriteAllBytes(part, bytes);
            (await FluentActions.Awaiting(() => SweepQuery.AllAsync(root)).Should().ThrowAsync<IOException>())
                .WithMessage($"{part}: not a readable Parquet part*");
            (await FluentActions.Awaiting(() => new SweepStore(root).CompletedIdsAsync()).Should().ThrowAsync<IOException>())
                .WithMessage($"{part}: not a readable Parquet part*");

            var missing = Path.Combine(root, "missing");
            (await FluentActions.Awaiting(() => SweepQuery.TopAsync(missing, "sharpe", 1, false)).Should().ThrowAsync<GridFileException>())
                .WithMessage("*no such folder*");
            Directory.Exists(missing).Should().BeFalse();
        });
    }

    /// <summary>
    /// A part of another sweep copied into a sweep's folder is named, for the query and for a resume alike. Before, the
    /// query read its rows under the first part's column names (here its condor.rules.putWing values 25 and 50 came out as
    /// alvh.rules.budgetPerYear), and a resume took its run ids 0-3 as this sweep's: it reported 4 runs already done and
    /// never made them. The grids: the test's <see cref="Grid"/> (shortDelta, budgetPerYear: columns 2 and 3) and one of
    /// shortDelta and putWing.
    /// </summary>
    [Fact]
    public async Task A_part_of_another_sweep_is_named_not_read_as_this_ones()
    {
        await InTempFolder(async root =>
        {
            var folder = Path.Combine(root, "sweep");
            (await Sweep.RunAsync(Request(folder, resume: false, threads: 1, stopAfter: 5))).Made.Should().Be(5);
            var other = Path.Combine(root, "other");
            await Sweep.RunAsync(Request(other, resume: false, threads: 1) with { Grid = GridFile.Parse("condor.rules.shortDelta: [0.1, 0.2]\ncondor.rules.putWing: [25, 50]\n", "o.yaml") });
            var stray = Path.Combine(folder, "results-part00007.parquet");
            File.Copy(Path.Combine(other, "results-part00000.parquet"), stray);

            (await FluentActions.Awaiting(() => SweepQuery.TopAsync(folder, "sharpe", 100, false)).Should().ThrowAsync<GridFileException>())
                .WithMessage($"{stray}: a part of another sweep: its column 3 is condor.rules.putWing (number), where results-part00000.parquet has alvh.rules.budgetPerYear (number): move it out of the folder");
            (await FluentActions.Awaiting(() => Sweep.RunAsync(Request(folder, resume: true, threads: 1))).Should().ThrowAsync<GridFileException>())
                .WithMessage($"{stray}: a part of another sweep: its column 3 is condor.rules.putWing (number), where this sweep's grid has alvh.rules.budgetPerYear (number): move it out of the folder");

            File.Delete(stray);
            var resumed = await Sweep.RunAsync(Request(folder, resume: true, threads: 1));
            (resumed.Skipped, resumed.Made).Should().Be((5, 7));
        });
    }

    /// <summary>
    /// Rejected runs are counted by reason, not by reason and values: over drip-condor-alvh (alvh 0.03), drip 0.85 with
    /// condor 0.10 sums to 0.98 and drip 0.87 with condor 0.12 to 1.02, three shortDelta values each: two reasons of 3
    /// runs, each shown with its first run's values. Counted by the whole message, each run was its own reason: the
    /// summary kept five reasons of 1 run and said nothing of the sixth run.
    /// </summary>
    [Fact]
    public async Task Rejected_runs_are_counted_by_reason_with_the_first_runs_values()
    {
        await InTempFolder(async root =>
        {
            var grid = GridFile.Parse("drip.allocation: [0.85, 0.87]\ncondor.allocation: [0.10, 0.12]\ncondor.rules.shortDelta: [0.1, 0.16, 0.2]\n", "g.yaml");
            var summary = await Sweep.RunAsync(Request(Path.Combine(root, "sweep"), resume: false, threads: 2) with { Grid = grid });

            (summary.Made, summary.Failed).Should().Be((12, 6));
            const string Sum = "allocations: drip + condor + alvh + overlay + cashAllocation must sum to 1, got ";
            summary.Errors.Should().Equal(
                (Sum + "0.98 (values of the first: drip.allocation=0.85, condor.allocation=0.10, condor.rules.shortDelta=0.1)", 3),
                (Sum + "1.02 (values of the first: drip.allocation=0.87, condor.allocation=0.12, condor.rules.shortDelta=0.1)", 3));
            // Each run's own error, in its row, keeps its values.
            var rows = await SweepQuery.AllAsync(Path.Combine(root, "sweep"));
            rows.Select(r => r[^1]).OfType<string>().Should().Contain(Sum + "1.02 (values: drip.allocation=0.87, condor.allocation=0.12, condor.rules.shortDelta=0.2)");
        });
    }

    /// <summary>Runs <paramref name="test"/> with a fresh temporary folder, deleted afterwards.</summary>
    private static async Task InTempFolder(Func<string, Task> test)
    {
        var root = Path.Combine(Path.GetTempPath(), "alvh-sweep-" + Guid.NewGuid().ToString("N"));
        try
        {
            await test(root);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}
