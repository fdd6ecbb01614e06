using Alvh.Cli.Tests.Support;

namespace Alvh.Cli.Tests.Commands;

/// <summary>
/// What a command does not check itself but the library refuses ends as one "alvh: bad input:" line and exit 2, never
/// a stack trace (found by an audit of every command's bad input).
/// </summary>
public class LibraryErrorsTests
{
    /// <summary>Writes s.yaml: the drip preset's annotated file with one line (matched by its key) replaced.</summary>
    private static async Task DripStrategyWith(TempFolder d, string line)
    {
        (await CliRun.RunAsync(d.Path, null, "init", "s.yaml", "--preset", "drip")).ExitCode.Should().Be(0);
        var key = line.Split(':')[0] + ":";
        var yaml = File.ReadAllLines(Path.Combine(d.Path, "s.yaml")).Select(l => l.StartsWith(key, StringComparison.Ordinal) ? line : l);
        File.WriteAllLines(Path.Combine(d.Path, "s.yaml"), yaml);
    }

    [SkippableTheory]
    [InlineData("no trading days between 2019-12-31 and 2019-01-02: the start is after the end", "backtest", "--preset", "drip", "--from", "2019-12-31", "--to", "2019-01-02")]
    // The study said only "no trading days between 2019-12-31 and 2019-01-02", not that the dates were reversed.
    [InlineData("no trading days between 2019-12-31 and 2019-01-02: the start is after the end", "study", "--from", "2019-12-31", "--to", "2019-01-02", "--out", "o")]
    [InlineData("no trading days from 2030-01-01: the data with both an S&P 500 and a VIX close end on 2026-02-11", "backtest", "--preset", "drip", "--from", "2030-01-01")]
    [InlineData("no trading days to 1980-01-01: the data with both an S&P 500 and a VIX close start on 1990-01-02", "backtest", "--preset", "drip", "--to", "1980-01-01")]
    [InlineData("no trading days between 2019-01-05 and 2019-01-06: no trading day falls in it", "backtest", "--preset", "drip", "--from", "2019-01-05", "--to", "2019-01-06")]
    [InlineData("a backtest needs at least two (one daily return)", "backtest", "--preset", "drip", "--from", "2019-06-03", "--to", "2019-06-03")]
    [InlineData("--blocks must be even", "walkforward", "--preset", "drip-alvh", "--grid", "grid.yaml", "--from", "2015-01-02", "--to", "2019-12-31", "--train-years", "2", "--blocks", "3")]
    // Refused after every backtest had run, with "The added or subtracted value results in an un-representable DateTime.".
    [InlineData("--train-years and --test-years 1 to 100", "walkforward", "--preset", "drip-alvh", "--grid", "grid.yaml", "--from", "2015-01-02", "--to", "2019-12-31", "--train-years", "9000")]
    [InlineData("--train-years and --test-years 1 to 100", "walkforward", "--preset", "drip-alvh", "--grid", "grid.yaml", "--from", "2015-01-02", "--to", "2019-12-31", "--train-years", "2", "--test-years", "2147483647")]
    [InlineData("--pool-from 2019-13-01: a date YYYY-MM-DD", "montecarlo", "--preset", "drip", "--paths", "2", "--pool-from", "2019-13-01")]
    public async Task A_refused_input_is_one_line_and_exit_2(string fragment, params string[] args)
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("grid.yaml", "alvh.rules.budgetPerYear: [0.005, 0.02]\n");

        var run = await CliRun.RunAsync(d.Path, null, [.. args, "--data", data]);

        run.ExitCode.Should().Be(ExitCodes.BadInput, run.Error);
        run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which.Should().StartWith("alvh: bad input: ").And.Contain(fragment).And.NotContain("(Parameter");
    }

    [Theory]
    [InlineData("--threads must be at least 1", "sweep", "--preset", "drip", "--grid", "g.yaml", "--threads", "0")]
    [InlineData("--flush-every must be at least 1", "sweep", "--preset", "drip", "--grid", "g.yaml", "--flush-every", "-1")]
    [InlineData("--top must be at least 1", "sweep", "--out", "o", "--top", "0")]
    [InlineData("--sample must be at least 1", "sweep", "--preset", "drip", "--grid", "g.yaml", "--sample", "-5")]
    [InlineData("--threads must be at least 1", "montecarlo", "--preset", "drip", "--threads", "-3")]
    [InlineData("--threads must be at least 1", "walkforward", "--preset", "drip", "--grid", "g.yaml", "--threads", "0")]
    public async Task Counts_below_one_are_refused_when_parsed(string message, params string[] args)
    {
        // 0 threads, parts or rows passed silently (the commands took at least 1 themselves, or printed nothing).
        var run = await CliRun.RunAsync(Path.GetTempPath(), null, args);

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Error.Should().StartWith("alvh: " + message);
    }

    [Theory]
    [InlineData("montecarlo", "--preset", "drip", "--threads", "-2147483649")]
    [InlineData("montecarlo", "--preset", "drip", "--threads", "1,5")]
    [InlineData("walkforward", "--preset", "drip", "--grid", "g.yaml", "--threads", "2.5")]
    [InlineData("sweep", "--preset", "drip", "--grid", "g.yaml", "--sample", "2147483648")]
    [InlineData("sweep", "--out", "o", "--top", "abc")]
    public async Task A_count_that_is_not_an_integer_is_refused_naming_its_option(params string[] args)
    {
        // The at-least-1 check read the value before the parser had refused it, and a value that is no Int32 threw
        // InvalidOperationException out of the validator: "Unhandled exception", a stack trace and exit 134, where the
        // CLI's contract is one message naming the option and exit 2.
        var run = await CliRun.RunAsync(Path.GetTempPath(), null, args);

        run.ExitCode.Should().Be(ExitCodes.BadInput, run.Error);
        run.Error.Should().Contain(args[^2]).And.Contain(args[^1]).And.NotContain("   at ");
    }

    [Theory]
    [InlineData("--config is empty", "backtest", "--config", "")]
    [InlineData("--config is empty", "montecarlo", "--config", " ")]
    [InlineData("--grid is empty", "sweep", "--preset", "drip", "--grid", "")]
    [InlineData("--grid is empty", "walkforward", "--preset", "drip", "--grid", " ")]
    [InlineData("--csv is empty", "indicators", "--csv", "", "--indicator", "sma")]
    [InlineData("--bars is empty", "bench", "--quick", "--bars", "")]
    [InlineData("FILE is empty", "validate", "")]
    [InlineData("FILE is empty", "init", " ")]
    public async Task A_blank_file_is_refused_naming_its_option(string message, params string[] args)
    {
        // A blank path resolved to the working directory: "--grid ''" said "<folder>: file not found", "validate ''"
        // "<folder>: 1 error: is a directory", naming the folder the command ran in and not the option; "init ' '" wrote a
        // file named ' ' and "bench --bars ''" ran on the default bars. Bad input names its option (README, exit codes).
        using var d = new TempFolder();
        var run = await CliRun.RunAsync(d.Path, null, args);

        run.ExitCode.Should().Be(ExitCodes.BadInput, run.Error);
        run.Error.Should().StartWith("alvh: " + message);
        Directory.EnumerateFileSystemEntries(d.Path).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task A_pool_shorter_than_a_year_is_refused()
    {
        string data = SharedData.Require();

        var run = await CliRun.RunAsync(Path.GetTempPath(), null, "montecarlo", "--preset", "drip", "--paths", "2", "--pool-from", "2026-02-10", "--data", data);

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Error.Should().Contain("the generators need at least 252 (a year)");
    }

    /// <summary>
    /// A sleeve that never traded is said: a condor whose VIX gate never opens (maxVix 1) validates and never trades, which
    /// a run reported as a quiet success; the same strategy as shipped opens condors and gets no note. (A condor aimed at
    /// one day to expiry was the example until such a decision took the next expiry it can trade.)
    /// </summary>
    [SkippableFact]
    public async Task A_sleeve_that_never_traded_is_noted()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        (await CliRun.RunAsync(d.Path, null, "init", "s.yaml", "--preset", "drip-condor")).ExitCode.Should().Be(0);
        var text = File.ReadAllText(Path.Combine(d.Path, "s.yaml"));
        File.WriteAllText(Path.Combine(d.Path, "idle.yaml"), System.Text.RegularExpressions.Regex.Replace(text, @"maxVix: \d+", "maxVix: 1"));
        string[] period = ["--from", "2019-01-02", "--to", "2019-06-28", "--data", data, "--quiet"];

        var idle = await CliRun.RunAsync(d.Path, null, ["backtest", "--config", "idle.yaml", "--out", "idle", .. period]);
        var shipped = await CliRun.RunAsync(d.Path, null, ["backtest", "--config", "s.yaml", "--out", "shipped", .. period]);

        idle.ExitCode.Should().Be(0, idle.Error);
        idle.Error.Should().Contain("alvh: note: the condor sleeve made no trade from 2019-01-02 to 2019-06-28 (its gates stayed shut, or its rules build no position on this market: check its parameters)");
        shipped.Error.Should().NotContain("made no trade");

        // A condor whose orders were placed and all dropped at the fill (short strikes 50% from spot: no credit) says so,
        // not that its gates stayed shut (a helper's finding).
        File.WriteAllText(Path.Combine(d.Path, "far.yaml"), System.Text.RegularExpressions.Regex.Replace(text, @"shortDistance: 0\b", "shortDistance: 0.5"));
        var far = await CliRun.RunAsync(d.Path, null, ["backtest", "--config", "far.yaml", "--out", "far", .. period]);
        far.ExitCode.Should().Be(0, far.Error);
        far.Error.Should().Contain("alvh: note: the condor sleeve made no trade from 2019-01-02 to 2019-06-28 (24 of its orders were placed and dropped at the fill: see summary.json's 'dropped')");

        // Before VIX options were listed an ALVH layer had nothing to buy: the note said its gates stayed shut (review).
        var early = await CliRun.RunAsync(d.Path, null, ["backtest", "--preset", "drip-alvh", "--out", "early", "--from", "2000-01-03", "--to", "2000-06-30", "--data", data, "--quiet"]);
        early.ExitCode.Should().Be(0, early.Error);
        early.Error.Should().Contain("alvh: note: the alvh-30 sleeve made no trade from 2000-01-03 to 2000-06-30 (VIX options were first listed on 2006-02-24; --as-if lists them hypothetically from 1990)")
            .And.NotContain("its gates stayed shut");
        // A VIX-call overlay (cboe-vxth) and a weekly one (cboe-wput) before their listings: the same, not their gates.
        var vxth = await CliRun.RunAsync(d.Path, null, ["backtest", "--preset", "cboe-vxth", "--out", "vxth", "--to", "1999-12-31", "--data", data, "--quiet"]);
        vxth.Error.Should().Contain("the overlay sleeve made no trade from 1990-01-02 to 1999-12-31 (VIX options were first listed on 2006-02-24");
        var wput = await CliRun.RunAsync(d.Path, null, ["backtest", "--preset", "cboe-wput", "--out", "wput", "--to", "1999-12-31", "--data", data, "--quiet"]);
        wput.Error.Should().Contain("(Friday SPX Weeklys were first listed on 2005-10-28");
        // Its strike rule reads in percent, with its unit (it printed "0.2 above the same-expiry future").
        File.ReadAllText(Path.Combine(d.Path, "early", "summary.json")).Should().Contain("20% above the same-expiry future");
    }

    [SkippableTheory]
    [InlineData("  symbol: NOPE", "drip.symbol NOPE: ")]
    [InlineData("  fallbackSymbol: NOPE", "drip.fallbackSymbol NOPE: ")]
    public async Task An_equity_without_prices_is_refused_not_replaced_by_the_fallback(string line, string fragment)
    {
        // It used to hold the fallback (or sit in cash) without a word, and exit 0.
        string data = SharedData.Require();
        using var d = new TempFolder();
        await DripStrategyWith(d, line);

        var run = await CliRun.RunAsync(d.Path, null, "backtest", "--config", "s.yaml", "--from", "2019-01-02", "--to", "2019-03-01", "--data", data);

        run.ExitCode.Should().Be(ExitCodes.BadInput, run.Error);
        // With the file and the key's line (s.yaml:N:), as the file's own errors are.
        int number = File.ReadAllLines(Path.Combine(d.Path, "s.yaml")).ToList().FindIndex(l => l == line) + 1;
        number.Should().BePositive();
        run.Error.Should().StartWith($"alvh: bad input: s.yaml:{number}: " + fragment).And.Contain("nope-daily.csv is missing or has no rows");
    }

    [SkippableFact]
    public async Task A_grid_combination_a_walk_forward_run_refuses_is_bad_input_not_an_internal_error()
    {
        // The refusal came out of a parallel loop, wrapped, and was reported as a defect.
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("g.yaml", "condor.rules.minVix: [10, 30]\ncondor.rules.maxVix: [20, 40]\n");

        var run = await CliRun.RunAsync(d.Path, null, "walkforward", "--preset", "drip-condor-alvh", "--grid", "g.yaml", "--from", "2018-01-02", "--to", "2020-12-31", "--train-years", "1", "--blocks", "2", "--data", data);

        run.ExitCode.Should().Be(ExitCodes.BadInput, run.Error);
        run.Error.Should().StartWith("alvh: bad input: 1 of 4 grid points are refused (a walk-forward selects among all of them); the first: ").And.Contain("minVix");
    }

    [SkippableTheory]
    [InlineData("sweep", "alvh: bad input: drip.symbol NOPE: ")]
    [InlineData("montecarlo", "alvh: bad input: montecarlo simulates the S&P 500 and SPY only; drip.symbol NOPE has no prices on a simulated path")]
    public async Task An_equity_without_prices_is_refused_before_a_sweep_or_a_simulation_starts(string command, string message)
    {
        // A sweep had every point rejected and exited 0; a simulation named the simulated data set's missing file.
        string data = SharedData.Require();
        using var d = new TempFolder();
        await DripStrategyWith(d, "  symbol: NOPE");
        d.Write("g.yaml", "capital: [100000, 200000]\n");
        string[] args = command == "sweep"
            ? ["sweep", "--config", "s.yaml", "--grid", "g.yaml", "--from", "2019-01-02", "--to", "2019-06-28", "--out", "out", "--quiet", "--data", data]
            : ["montecarlo", "--config", "s.yaml", "--paths", "2", "--years", "1", "--quiet", "--data", data];

        var run = await CliRun.RunAsync(d.Path, null, args);

        run.ExitCode.Should().Be(ExitCodes.BadInput, run.Error);
        run.Error.Should().StartWith(message);
        Directory.Exists(Path.Combine(d.Path, "out")).Should().BeFalse();
    }

    [SkippableFact]
    public async Task A_data_folder_without_rates_is_refused_before_anything_runs()
    {
        // The real files linked into a temporary folder, less dtb3 and dff: a condor's strike search used to loop for
        // ever on the missing carry.
        string data = SharedData.Require();
        using var d = new TempFolder();
        string folder = Path.Combine(d.Path, "data");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(data, "*.csv").Where(f => !Path.GetFileName(f).StartsWith("dtb3", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith("dff", StringComparison.Ordinal)))
        {
            File.CreateSymbolicLink(Path.Combine(folder, Path.GetFileName(file)), file);
        }

        var run = await CliRun.RunAsync(d.Path, null, "backtest", "--preset", "drip-condor", "--from", "2019-01-02", "--to", "2019-01-31", "--data", folder, "--out", "bt");

        run.ExitCode.Should().Be(ExitCodes.BadInput, run.Error);
        run.Error.Should().StartWith("alvh: bad input: no rates series in").And.Contain("dtb3-daily.csv");
        Directory.Exists(Path.Combine(d.Path, "bt")).Should().BeFalse();
    }

    /// <summary>
    /// A folder fetched in part (the real files linked into a temporary folder, less the VIX term structure's or the VX
    /// settles') is refused as bad input naming the files: montecarlo and backtest failed with an internal error, "no day
    /// has all four VIX pillars" or "no VX settles in the fit window", from the models' fits.
    /// </summary>
    [SkippableTheory]
    [InlineData("vix9d,vix3m,vix6m", "alvh: bad input: no VIX term structure in", "vix9d-daily.csv, vix3m-daily.csv and vix6m-daily.csv")]
    [InlineData("vix3m", "alvh: bad input: no VIX term structure in", "vix9d-daily.csv, vix3m-daily.csv and vix6m-daily.csv")]
    [InlineData("vix-futures", "alvh: bad input: no VX futures settles in", "vix-futures-cboe.csv")]
    public async Task A_data_folder_without_the_vix_term_structure_or_vx_settles_is_refused(string left, string message, string files)
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        string folder = Path.Combine(d.Path, "data");
        Directory.CreateDirectory(folder);
        var prefixes = left.Split(',').Select(p => p.StartsWith("vix-", StringComparison.Ordinal) ? p : p + "-daily");
        foreach (var file in Directory.GetFiles(data, "*.csv").Where(f => !prefixes.Any(p => Path.GetFileName(f).StartsWith(p, StringComparison.Ordinal))))
        {
            File.CreateSymbolicLink(Path.Combine(folder, Path.GetFileName(file)), file);
        }

        foreach (var args in new[] { new[] { "montecarlo", "--preset", "drip", "--paths", "2", "--years", "1", "--out", "mc" }, ["backtest", "--preset", "drip", "--from", "2019-01-02", "--to", "2019-01-31", "--out", "bt"] })
        {
            var run = await CliRun.RunAsync(d.Path, null, [.. args, "--data", folder, "--quiet"]);

            run.ExitCode.Should().Be(ExitCodes.BadInput, args[0] + ": " + run.Error);
            run.Error.Should().StartWith(message, args[0]).And.Contain(files);
            Directory.Exists(Path.Combine(d.Path, args[^1])).Should().BeFalse(args[0]);
        }
    }

    /// <summary>
    /// A folder with neither SPY's distributions nor Shiller's file (the real files linked, less those two) runs the Monte
    /// Carlo at a 0% dividend yield, and says so: only the assumption's value (0) did. Without SPY's distributions alone the
    /// paths pay Shiller's yield (until 2026-11-28 SPY's trailing yield of 0 was taken, Shiller's file unread), with no note.
    /// </summary>
    [SkippableFact]
    public async Task Runs_without_spy_distributions_take_shillers_yield_and_say_what_is_missing()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        string Linked(string name, params string[] leftOut)
        {
            string folder = Path.Combine(d.Path, name);
            Directory.CreateDirectory(folder);
            foreach (var file in Directory.GetFiles(data, "*.csv").Where(f => !leftOut.Contains(Path.GetFileName(f))))
            {
                File.CreateSymbolicLink(Path.Combine(folder, Path.GetFileName(file)), file);
            }
            return folder;
        }
        string neither = Linked("neither", "spy-dividends.csv", "shiller-sp500-monthly.csv");
        string shillerOnly = Linked("shiller", "spy-dividends.csv");
        const string note = "alvh: note: the data hold no dividend yield on their last day";

        var none = await CliRun.RunAsync(d.Path, null, "montecarlo", "--preset", "drip", "--paths", "2", "--years", "1", "--quiet", "--data", neither, "--out", "none");
        var shiller = await CliRun.RunAsync(d.Path, null, "montecarlo", "--preset", "drip", "--paths", "2", "--years", "1", "--quiet", "--data", shillerOnly, "--out", "shiller");
        var with = await CliRun.RunAsync(d.Path, null, "montecarlo", "--preset", "drip", "--paths", "2", "--years", "1", "--quiet", "--data", data, "--out", "with");

        none.ExitCode.Should().Be(0, none.Error);
        none.Error.Should().Contain(note);
        AnchorYield("none").Should().Be(0);
        shiller.ExitCode.Should().Be(0, shiller.Error);
        shiller.Error.Should().NotContain(note);
        // Shiller's D/P of his last month with a dividend, carried (2023-06 in the shared file, whose later months are FRED's
        // prices only): the S&P 500's yield then was about 1.5-1.6%; SPY's trailing yield on the last day about 1.1%.
        AnchorYield("shiller").Should().BeInRange(0.013, 0.018);
        with.ExitCode.Should().Be(0, with.Error);
        with.Error.Should().NotContain(note);
        AnchorYield("with").Should().BeInRange(0.009, 0.015);

        // A backtest on the same folders says what it lacks: SPY's distributions in both, a yield on its days in the first.
        var bare = await CliRun.RunAsync(d.Path, null, "backtest", "--preset", "drip-condor-alvh", "--from", "2019-01-02", "--to", "2019-01-31", "--quiet", "--data", neither, "--out", "bt-none");
        var shillers = await CliRun.RunAsync(d.Path, null, "backtest", "--preset", "drip-condor-alvh", "--from", "2019-01-02", "--to", "2019-01-31", "--quiet", "--data", shillerOnly, "--out", "bt-shiller");
        bare.ExitCode.Should().Be(0, bare.Error);
        bare.Error.Should().Contain("alvh: note: The data hold no SPY distributions").And.Contain("alvh: note: No SPX dividend yield on 21 trading days, 2019-01-02 to 2019-01-31");
        shillers.ExitCode.Should().Be(0, shillers.Error);
        shillers.Error.Should().Contain("alvh: note: The data hold no SPY distributions").And.NotContain("No SPX dividend yield");

        double AnchorYield(string run)
        {
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(d.Path, run, "montecarlo.json")));
            return FindYield(json.RootElement) ?? throw new InvalidOperationException("no dividendYield number in " + run);
        }
        static double? FindYield(System.Text.Json.JsonElement e)
        {
            if (e.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Name == "dividendYield" && p.Value.ValueKind == System.Text.Json.JsonValueKind.Number) return p.Value.GetDouble();
                    if (FindYield(p.Value) is { } v) return v;
                }
            }
            return null;
        }
    }
}
