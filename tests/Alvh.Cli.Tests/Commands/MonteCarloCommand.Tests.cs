using System.Text.Json;
using Alvh.Cli.Tests.Support;

namespace Alvh.Cli.Tests.Commands;

/// <summary><c>alvh montecarlo</c> end to end on real history (ALVH_DATA).</summary>
public class MonteCarloCommandTests
{
    /// <summary>
    /// The JSON without what the run's clock and the calibration cache decide (only the --json output has them; the rest
    /// is the same for any thread count and any run).
    /// </summary>
    private static string WithoutTiming(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        foreach (var timed in new[] { "seconds", "pathsPerSecond", "svjCalibrationCache" }) node.Remove(timed);
        return node.ToJsonString();
    }

    [SkippableFact]
    public async Task Json_gives_intervals_and_the_paired_comparison_the_same_for_any_thread_count()
    {
        string data = SharedData.Require();
        string[] args = ["montecarlo", "--preset", "drip-alvh", "--paths", "12", "--years", "1", "--quiet", "--json", "--data", data];

        var one = await CliRun.RunAsync(Path.GetTempPath(), null, [.. args, "--threads", "1"]);
        var two = await CliRun.RunAsync(Path.GetTempPath(), null, [.. args, "--threads", "2"]);

        one.ExitCode.Should().Be(0, one.Error);
        using var doc = JsonDocument.Parse(one.Output);
        var root = doc.RootElement;
        var cagr = root.GetProperty("results").GetProperty("drip-alvh").GetProperty("cagr");
        double median = cagr.GetProperty("p50").GetDouble();
        var ci = cagr.GetProperty("medianCi");
        // 12 values: the 95% median interval is [x(3), x(10)] at coverage 1 - 2 P(B <= 2) = 1 - 2 * 79/4096.
        ci.GetProperty("coverage").GetDouble().Should().BeApproximately(1 - 2 * 79 / 4096.0, 1e-12);
        ci.GetProperty("lower").GetDouble().Should().BeLessThanOrEqualTo(median);
        ci.GetProperty("upper").GetDouble().Should().BeGreaterThanOrEqualTo(median);
        var mean = cagr.GetProperty("meanCi");
        mean.GetProperty("lower").GetDouble().Should().BeLessThan(cagr.GetProperty("mean").GetDouble());
        mean.GetProperty("upper").GetDouble().Should().BeGreaterThan(cagr.GetProperty("mean").GetDouble());
        var paired = root.GetProperty("paired");
        paired.GetProperty("paths").GetInt32().Should().Be(12);
        double shallower = paired.GetProperty("shallowerDrawdown").GetProperty("estimate").GetDouble() * 12;
        shallower.Should().BeApproximately(Math.Round(shallower), 1e-9);
        paired.GetProperty("cagrDifference").GetProperty("count").GetInt32().Should().Be(12);
        // Everything but the timing fields is the same for one thread and two.
        WithoutTiming(two.Output).Should().Be(WithoutTiming(one.Output));
        // An interval that cannot be measured (a history window shorter than a path) is null, as in every other JSON of the
        // tool: it was the string "NaN" in a field that is otherwise a number (48 of them in a 2-year run).
        one.Output.Should().NotContain("NaN").And.NotContain("Infinity");
    }

    [SkippableFact]
    public async Task Tables_compare_the_strategy_with_drip_on_the_same_paths()
    {
        string data = SharedData.Require();

        string[] args = ["montecarlo", "--preset", "drip-alvh", "--paths", "8", "--years", "1", "--quiet", "--data", data];
        var run = await CliRun.RunAsync(Path.GetTempPath(), null, args);
        var json = await CliRun.RunAsync(Path.GetTempPath(), null, [.. args, "--json"]);
        var drip = await CliRun.RunAsync(Path.GetTempPath(), null, "montecarlo", "--preset", "drip", "--paths", "3", "--years", "1", "--quiet", "--json", "--data", data);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("drip-alvh against drip on the same paths").And.Contain("median 95% CI").And.Contain("mean 95% CI")
            .And.Contain("P(drip-alvh's max drawdown shallower) = ").And.Contain("drip's drawdown avoided").And.Contain("not the error of the generator itself");
        // The rows carry the JSON's numbers: the drawdown row its p50 and mean interval in percentage points, signed.
        using var doc = JsonDocument.Parse(json.Output);
        var drawdown = doc.RootElement.GetProperty("paired").GetProperty("drawdownDifference");
        static string Points(double v) => (v * 100).ToString("+0.00;-0.00;0.00", System.Globalization.CultureInfo.InvariantCulture);
        var row = run.Output.Split('\n').Single(l => l.Contains("max drawdown - drip's"));
        var cells = row.Split('│', StringSplitOptions.TrimEntries);
        cells[4].Should().Be(Points(drawdown.GetProperty("p50").GetDouble()));
        cells[9].Should().Be($"{Points(drawdown.GetProperty("meanCi").GetProperty("lower").GetDouble())} to {Points(drawdown.GetProperty("meanCi").GetProperty("upper").GetDouble())}");
        // The DRIP against itself has no comparison.
        drip.ExitCode.Should().Be(0, drip.Error);
        using var dripDoc = JsonDocument.Parse(drip.Output);
        dripDoc.RootElement.GetProperty("paired").ValueKind.Should().Be(JsonValueKind.Null);
    }
    [SkippableFact]
    public async Task Out_writes_the_json_and_every_path_s_outcomes()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();

        var run = await CliRun.RunAsync(d.Path, null, "montecarlo", "--preset", "drip-alvh", "--paths", "7", "--years", "1", "--quiet", "--data", data, "--out", "mc");
        var json = await CliRun.RunAsync(d.Path, null, "montecarlo", "--preset", "drip-alvh", "--paths", "7", "--years", "1", "--quiet", "--data", data, "--json");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("wrote ").And.Contain("paths.csv");
        WithoutTiming(File.ReadAllText(Path.Combine(d.Path, "mc", "montecarlo.json"))).Should().Be(WithoutTiming(json.Output));
        var lines = File.ReadAllLines(Path.Combine(d.Path, "mc", "paths.csv"));
        lines[0].Should().Be("path,seed,drip-alvh.cagr,drip-alvh.maxDrawdown,drip-alvh.terminalWealth,drip.cagr,drip.maxDrawdown,drip.terminalWealth,"
            + "drip-same-vol.weight,drip-same-vol.matched,drip-same-vol.cagr,drip-same-vol.maxDrawdown,drip-same-vol.terminalWealth,"
            + "market.spxDrift,market.realizedVolatility,market.meanVix,market.vixPremium,market.returnVixCorrelation,market.crashDaysPerYear,market.vixP95,market.vixHalfLifeDays,market.spxMaxDrawdown");
        lines.Should().HaveCount(8);
        // "of 1 years" until 2026-11-28.
        File.ReadAllText(Path.Combine(d.Path, "mc", "montecarlo.html")).Should().Contain("<h1>Monte Carlo: drip-alvh on 7 bootstrap paths of 1 year</h1>");
        lines[1..].Select(l => l.Split(',')[0]).Should().Equal(Enumerable.Range(0, 7).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        // The paired CAGR differences of the summary are the differences of these rows.
        using var doc = JsonDocument.Parse(json.Output);
        var differences = lines[1..].Select(l => l.Split(',')).Select(f => double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture) - double.Parse(f[5], System.Globalization.CultureInfo.InvariantCulture)).Order().ToArray();
        doc.RootElement.GetProperty("paired").GetProperty("cagrDifference").GetProperty("p50").GetDouble().Should().Be(differences[3]);
        // So are those against the same-volatility DRIP (columns 8-12: its weight, whether it matched, CAGR, drawdown, wealth), over every path.
        var rows = lines[1..].Select(l => l.Split(',')).ToArray();
        var fair = rows.Select(f => double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture) - double.Parse(f[10], System.Globalization.CultureInfo.InvariantCulture)).Order().ToArray();
        var sameVolatility = doc.RootElement.GetProperty("sameVolatility");
        sameVolatility.GetProperty("unmatchedPaths").GetInt32().Should().Be(rows.Count(f => f[9] == "false"));
        sameVolatility.GetProperty("paired").GetProperty("paths").GetInt32().Should().Be(7);
        sameVolatility.GetProperty("paired").GetProperty("cagrDifference").GetProperty("p50").GetDouble()
            .Should().Be(Alvh.Research.Scenarios.Distribution.Of(fair).P50);
        sameVolatility.GetProperty("weight").GetProperty("p50").GetDouble().Should().BeInRange(0.9, 1, "the hedge holds 3% in reserve");
        run.Output.Should().Contain("drip-alvh against drip-same-vol, the drip de-levered to its volatility on each path").And.Contain("drip-same-vol: drip's weight ");
    }

    /// <summary>
    /// The simulated markets are checked against history: the same statistics on the whole history, on its windows as
    /// long as a path and on each path (JSON <c>marketCheck</c>, a table, and per path in paths.csv, where they are those
    /// of the path's own market.csv).
    /// </summary>
    [SkippableFact]
    public async Task Market_check_measures_history_its_windows_and_each_path_alike()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();

        var run = await CliRun.RunAsync(d.Path, null, "montecarlo", "--preset", "drip", "--paths", "6", "--years", "2", "--quiet", "--data", data, "--out", "mc", "--inspect", "4");
        var svj = await CliRun.RunAsync(d.Path, null, "montecarlo", "--preset", "drip", "--paths", "6", "--years", "2", "--quiet", "--data", data, "--generator", "svj", "--pool-from", "2000-01-03");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("the simulated markets against history").And.Contain("  history: 1990-01-03 to ").And.Contain("2-year windows, a month apart")
            .And.Contain("VIX - next 21 days' realised vol").And.Contain("a check of the generator, not of the strategy.");
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(d.Path, "mc", "montecarlo.json")));
        var check = doc.RootElement.GetProperty("marketCheck");
        int historyDays = check.GetProperty("historyDays").GetInt32(), windowDays = check.GetProperty("windowDays").GetInt32();
        var market = File.ReadAllLines(Path.Combine(d.Path, "mc", "path-4", "market.csv"));
        windowDays.Should().Be(market.Length - 2, "a path's statistics use its days after the first (market.csv: a header and a row a day)");
        check.GetProperty("windowStepDays").GetInt32().Should().Be(21);
        // The rule's numbers travel with the judgement (a reader can apply it to the shares and percentiles below).
        var rule = check.GetProperty("judgedBy");
        rule.GetProperty("lowShare").GetDouble().Should().Be(0.2);
        rule.GetProperty("minimumPaths").GetInt32().Should().Be(20);
        rule.GetProperty("tieTolerance").GetDouble().Should().Be(1e-9);
        doc.RootElement.GetProperty("condorWings").ValueKind.Should().Be(JsonValueKind.Null, "the DRIP has no condor");
        check.GetProperty("windows").GetInt32().Should().Be((historyDays - windowDays) / 21 + 1);
        check.GetProperty("history").GetProperty("meanVix").GetDouble().Should().BeInRange(19, 20, "VIX averaged about 19.4 over 1990-2026");
        check.GetProperty("paths").GetProperty("meanVix").GetProperty("count").GetInt32().Should().Be(6);
        check.GetProperty("historyWindows").GetProperty("vixP95").GetProperty("count").GetInt32().Should().Be(check.GetProperty("windows").GetInt32());
        check.GetProperty("reference").GetString().Should().Be("windows", "36 years hold many 2-year windows end to end");
        check.GetProperty("judged").GetBoolean().Should().BeFalse("6 paths are too few to judge");
        check.GetProperty("differsFromHistory").GetArrayLength().Should().Be(0);
        check.GetProperty("pathsBelowReference").GetProperty("meanVix").GetDouble().Should().BeInRange(0, 1);
        run.Output.Should().Contain("too few paths to judge the generator against history's 2-year windows (fewer than 20)");

        // Row 4 of paths.csv carries the statistics of path 4's market, recomputed here from its market.csv.
        var header = File.ReadAllLines(Path.Combine(d.Path, "mc", "paths.csv"))[0].Split(',');
        var row = File.ReadAllLines(Path.Combine(d.Path, "mc", "paths.csv"))[5].Split(',');
        var days = market[1..].Select(l => l.Split(',')).ToArray();
        var path = new Alvh.Research.Scenarios.ScenarioPath(days.Select(f => DateOnly.ParseExact(f[0], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        for (int t = 0; t < days.Length; t++)
        {
            path.SpxClose[t] = double.Parse(days[t][4], System.Globalization.CultureInfo.InvariantCulture);
            path.VixClose[t] = double.Parse(days[t][6], System.Globalization.CultureInfo.InvariantCulture);
        }
        var stats = Alvh.Research.Scenarios.MarketStatistics.Of(path);
        double Column(string name) => double.Parse(row[Array.IndexOf(header, name)], System.Globalization.CultureInfo.InvariantCulture);
        Column("market.meanVix").Should().Be(stats.MeanVix);
        Column("market.vixPremium").Should().Be(stats.VixPremium);
        Column("market.vixHalfLifeDays").Should().Be(stats.VixHalfLifeDays);
        Column("market.spxMaxDrawdown").Should().Be(stats.SpxMaxDrawdown);

        // From 20 paths on the check judges: a statistic differs when under 20% or over 80% of the paths fall below the
        // windows' median, or that median falls outside the paths' 5-95% range; the JSON's shares and percentiles say which.
        var judged = await CliRun.RunAsync(d.Path, null, "montecarlo", "--preset", "drip", "--paths", "24", "--years", "2", "--quiet", "--data", data, "--json");
        judged.ExitCode.Should().Be(0, judged.Error);
        using (var judgedDoc = JsonDocument.Parse(judged.Output))
        {
            var c = judgedDoc.RootElement.GetProperty("marketCheck");
            c.GetProperty("judged").GetBoolean().Should().BeTrue();
            var differs = c.GetProperty("differsFromHistory").EnumerateArray().Select(e => e.GetString()).ToHashSet();
            foreach (var key in new[] { "spxDrift", "realizedVolatility", "meanVix", "vixPremium", "returnVixCorrelation", "crashDaysPerYear", "vixP95", "vixHalfLifeDays" })
            {
                double share = c.GetProperty("pathsBelowReference").GetProperty(key).GetDouble();
                double reference = c.GetProperty("historyWindows").GetProperty(key).GetProperty("p50").GetDouble();
                var paths = c.GetProperty("paths").GetProperty(key);
                bool expected = share < 0.2 || share > 0.8 || reference < paths.GetProperty("p5").GetDouble() || reference > paths.GetProperty("p95").GetDouble();
                differs.Contains(key).Should().Be(expected, key);
            }
        }

        // The SVJ is checked against the history it was fitted to (here from 2000).
        svj.ExitCode.Should().Be(0, svj.Error);
        svj.Output.Should().Contain("  history: 2000-01-0").And.NotContain("history: 1990");
    }

    /// <summary>
    /// --inspect N writes path N again: its simulated market (a row a day, with the historical day each was drawn from)
    /// and both strategies' backtest files, whose CAGR and drawdown are row N's of paths.csv; the seed column is the
    /// derived seed the path drew from. The text names the paths with the deepest drawdowns.
    /// </summary>
    [SkippableFact]
    public async Task Inspect_writes_one_path_s_market_and_backtests_matching_its_row()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();

        var run = await CliRun.RunAsync(d.Path, null, "montecarlo", "--preset", "drip-condor-alvh", "--paths", "4", "--years", "1", "--quiet", "--data", data, "--out", "mc", "--inspect", "2", "--seed", "5");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("deepest drawdown: drip-condor-alvh ").And.Contain("wrote path 2's market and both backtests");
        var row = File.ReadAllLines(Path.Combine(d.Path, "mc", "paths.csv"))[3].Split(',');
        row[0].Should().Be("2");
        row[1].Should().Be(Alvh.Research.Seeds.Derive(5, 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var dir = Path.Combine(d.Path, "mc", "path-2");
        foreach (var (name, column) in new[] { ("strategy", 2), ("baseline", 5) })
        {
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, name, "summary.json")));
            var metrics = summary.RootElement.GetProperty("metrics");
            metrics.GetProperty("cagr").GetDouble().Should().Be(double.Parse(row[column], System.Globalization.CultureInfo.InvariantCulture));
            metrics.GetProperty("maxDrawdown").GetDouble().Should().Be(double.Parse(row[column + 1], System.Globalization.CultureInfo.InvariantCulture));
            foreach (var file in new[] { "daily.csv", "trades.csv", "ledger.csv", "report.html" }) File.Exists(Path.Combine(dir, name, file)).Should().BeTrue(file);
            // ledgerSha256 is the file's own hash, as sha256sum gives it (it covered the entries without the header).
            summary.RootElement.GetProperty("ledgerSha256").GetString().Should().Be(
                Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, name, "ledger.csv")))));
        }
        var market = File.ReadAllLines(Path.Combine(dir, "market.csv"));
        market[0].Should().Be("date,spxOpen,spxHigh,spxLow,spxClose,vixOpen,vixClose,vix9d,vix3m,vix6m,vvix,drawnFrom");
        // The same-volatility DRIP, a day a row, with the weight and match of row 2 (columns 8 and 9).
        var sameVol = File.ReadAllLines(Path.Combine(dir, "same-vol.csv"));
        sameVol[0].Should().Be("date,equity,dripWeight,matched");
        sameVol.Should().HaveCount(market.Length);
        sameVol[^1].Split(',')[2].Should().Be(row[8]);
        sameVol[^1].Split(',')[3].Should().Be(row[9]);
        market.Should().HaveCount(File.ReadAllLines(Path.Combine(dir, "baseline", "daily.csv")).Length, "a row a trading day, as daily.csv");
        DateOnly.ParseExact(market[1].Split(',')[^1], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).Should().BeBefore(new DateOnly(2026, 3, 1), "a bootstrap day is drawn from history");

        // A strategy file may be named anything (here "baseline, v2": a folder's name, with a comma): the folders are
        // strategy/ and baseline/, and paths.csv quotes the name's columns. A later run into the same folder removes the
        // path folders of the earlier one, which no longer match paths.csv. Named "drip", the baseline's name, it runs as
        // "drip (strategy)": its summary shared the baseline's JSON key, columns and tables.
        var named = Path.Combine(d.Path, "named.yaml");
        File.WriteAllText(named, Alvh.Data.Strategies.StrategyWriter.Write(Alvh.Strategies.Presets.DripCondorAlvh with { Name = "baseline, v2" }));
        var drip = Path.Combine(d.Path, "drip.yaml");
        File.WriteAllText(drip, Alvh.Data.Strategies.StrategyWriter.Write(Alvh.Strategies.Presets.DripCondorAlvh with { Name = "drip" }));
        var renamed = await CliRun.RunAsync(d.Path, null, "montecarlo", "--config", drip, "--paths", "4", "--years", "1", "--quiet", "--data", data, "--json");
        renamed.ExitCode.Should().Be(0, renamed.Error);
        renamed.Error.Should().Contain("alvh: note: the strategy is named drip, as a baseline the Monte Carlo runs beside it: it is reported as drip (strategy)");
        using (var twoNames = JsonDocument.Parse(renamed.Output))
        {
            twoNames.RootElement.GetProperty("strategy").GetString().Should().Be("drip (strategy)");
            twoNames.RootElement.GetProperty("results").EnumerateObject().Select(p => p.Name).Should().Equal("drip (strategy)", "drip");
            twoNames.RootElement.GetProperty("condorWings").GetProperty("callPoints").GetDouble().Should().Be(50, "a drip-condor-alvh copy");
        }
        var again = await CliRun.RunAsync(d.Path, null, "montecarlo", "--config", named, "--paths", "4", "--years", "1", "--quiet", "--data", data, "--out", "mc", "--inspect", "3", "--seed", "5");
        again.ExitCode.Should().Be(0, again.Error);
        Directory.Exists(dir).Should().BeFalse("path 2 of the earlier run is gone");
        File.ReadAllText(Path.Combine(d.Path, "mc", "path-3", "strategy", "trades.csv")).Should().Contain("open condor");
        File.ReadAllText(Path.Combine(d.Path, "mc", "path-3", "baseline", "trades.csv")).Should().NotContain("open condor");
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(d.Path, "mc", "montecarlo.json"))))
        {
            // The condor's wings (50 points each) against the index at the start and at the paths' median end.
            var wings = json.RootElement.GetProperty("condorWings");
            wings.GetProperty("putPoints").GetDouble().Should().Be(50);
            wings.GetProperty("startShare").GetDouble().Should().BeApproximately(50 / json.RootElement.GetProperty("anchor").GetProperty("spx").GetDouble(), 1e-15);
            wings.GetProperty("medianEndShare").GetDouble().Should().BeApproximately(50 / wings.GetProperty("medianEndSpx").GetDouble(), 1e-15);
            var deepest = json.RootElement.GetProperty("deepestDrawdown");
            var lines = File.ReadAllLines(Path.Combine(d.Path, "mc", "paths.csv"));
            lines[0].Should().StartWith("path,seed,\"baseline, v2.cagr\",\"baseline, v2.maxDrawdown\",\"baseline, v2.terminalWealth\",drip.cagr,");
            var rows = lines[1..].Select(l => double.Parse(l.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            deepest.GetProperty("strategyPath").GetInt32().Should().Be(Array.IndexOf(rows, rows.Min()));
            deepest.GetProperty("strategyMaxDrawdown").GetDouble().Should().Be(rows.Min());
        }

        // The same path inspected again for another strategy: the folder holds that run's files only (no condor chart left).
        File.Exists(Path.Combine(d.Path, "mc", "path-3", "strategy", "condor-pnl.png")).Should().BeTrue();
        var dripOnly = await CliRun.RunAsync(d.Path, null, "montecarlo", "--preset", "drip-alvh", "--paths", "4", "--years", "1", "--quiet", "--data", data, "--out", "mc", "--inspect", "3", "--seed", "5");
        dripOnly.ExitCode.Should().Be(0, dripOnly.Error);
        File.Exists(Path.Combine(d.Path, "mc", "path-3", "strategy", "condor-pnl.png")).Should().BeFalse("the earlier run's condor chart is gone");
        File.Exists(Path.Combine(d.Path, "mc", "path-3", "strategy", "trades.csv")).Should().BeTrue();

        // A folder of the user's named path-N (no market.csv: not one this command wrote) keeps its files beside the path's.
        Directory.CreateDirectory(Path.Combine(d.Path, "mc", "path-1"));
        d.Write(Path.Combine("mc", "path-1", "notes.txt"), "mine");
        var mine = await CliRun.RunAsync(d.Path, null, "montecarlo", "--preset", "drip-alvh", "--paths", "4", "--years", "1", "--quiet", "--data", data, "--out", "mc", "--inspect", "1", "--seed", "5");
        mine.ExitCode.Should().Be(0, mine.Error);
        File.ReadAllText(Path.Combine(d.Path, "mc", "path-1", "notes.txt")).Should().Be("mine");
        File.Exists(Path.Combine(d.Path, "mc", "path-1", "market.csv")).Should().BeTrue();

        var bad = await CliRun.RunAsync(d.Path, null, "montecarlo", "--preset", "drip", "--paths", "4", "--inspect", "4", "--out", "mc", "--data", data);
        bad.ExitCode.Should().Be(ExitCodes.BadInput);
        bad.Error.Should().Contain("--inspect 4: needs --out and a path number from 0 to 3");
        (await CliRun.RunAsync(d.Path, null, "montecarlo", "--preset", "drip", "--paths", "4", "--inspect", "1", "--data", data)).ExitCode.Should().Be(ExitCodes.BadInput, "--inspect needs --out");
    }

    /// <summary>
    /// --start-vix 40 starts the paths at VIX 40: the bootstrap's first day is one of the 1% of historical days whose
    /// previous close was nearest 40 (their VIX range and dates in the JSON and the text), and the SVJ starts at the
    /// variance that gives 40. Out of range is bad input.
    /// </summary>
    [SkippableFact]
    public async Task A_stress_start_begins_the_paths_at_the_given_vix()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        string[] args = ["montecarlo", "--preset", "drip", "--paths", "3", "--years", "1", "--quiet", "--data", data, "--start-vix", "40"];

        var json = await CliRun.RunAsync(d.Path, null, [.. args, "--json", "--out", "mc", "--inspect", "0"]);
        var text = await CliRun.RunAsync(d.Path, null, args);
        var svj = await CliRun.RunAsync(d.Path, null, [.. args, "--generator", "svj", "--json", "--cache", "cache"]);
        var svjText = await CliRun.RunAsync(d.Path, null, [.. args, "--generator", "svj", "--cache", "cache"]);

        json.ExitCode.Should().Be(0, json.Error);
        using var doc = JsonDocument.Parse(json.Output);
        doc.RootElement.GetProperty("startVix").GetDouble().Should().Be(40);
        doc.RootElement.GetProperty("anchor").GetProperty("vix").GetDouble().Should().Be(40);
        var first = doc.RootElement.GetProperty("bootstrap").GetProperty("firstBlock");
        first.GetProperty("days").GetInt32().Should().Be(90, "1% of the 9,086 days from 1990");
        first.GetProperty("previousVixFrom").GetDouble().Should().BeInRange(30, 40);
        first.GetProperty("previousVixTo").GetDouble().Should().BeInRange(40, 50);
        first.GetProperty("previousVixMedian").GetDouble().Should().BeApproximately(40, 1);
        first.GetProperty("matched").GetBoolean().Should().BeTrue();
        first.GetProperty("episodes").GetString().Should().Contain("2008-10");
        // The tear sheet says the start is a stress one (its header read VIX 40 as if it were the last close).
        File.ReadAllText(Path.Combine(d.Path, "mc", Alvh.Reports.MonteCarloReport.FileName)).Should().Contain("Stress start: VIX 40.00 instead of the last close&#39;s");
        var day0 = File.ReadAllLines(Path.Combine(d.Path, "mc", "path-0", "market.csv"))[1].Split(',');
        var drawn = DateOnly.ParseExact(day0[^1], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        first.GetProperty("episodes").GetString().Should().Contain($"{drawn:yyyy}", "the first day is drawn from the named months");
        double.Parse(day0[6], System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(20, 80, "a day's move from 40");
        text.Output.Should().Contain("stress start: VIX 40.00 instead of the last close's").And.Contain("historical days whose previous VIX close was nearest")
            .And.Contain("later blocks start on any day, so the stress lasts about that long").And.NotContain("too few days")
            .And.Contain("the paths start from a stress VIX, not from history's mix: their first block differs from history by design");
        // The SVJ has no blocks: its stress fades with its variance, at the half-life ln 2 / kappa (kappa as fitted: 12.00 a year on 1990-2026, 14.6 days).
        double kappa = KappaOf(svj.Output);
        static double KappaOf(string output)
        {
            using var parsed = JsonDocument.Parse(output);
            return parsed.RootElement.GetProperty("svjFit").GetProperty("kappa").GetDouble();
        }
        svjText.ExitCode.Should().Be(0, svjText.Error);
        svjText.Output.Should().NotContain("first block").And.Contain(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"their first weeks differ from history by design (the variance's distance from its long-run level halves in {Math.Log(2) / kappa * 252:0.#} trading days on average, ln 2 / kappa)"));
        var high = await CliRun.RunAsync(d.Path, null, "montecarlo", "--preset", "drip", "--paths", "2", "--years", "1", "--quiet", "--data", data, "--start-vix", "80");
        high.Output.Should().Contain("history has too few days that began near VIX 80.00");
        var below = await CliRun.RunAsync(d.Path, null, "montecarlo", "--preset", "drip", "--paths", "2", "--years", "1", "--quiet", "--data", data, "--start-vix", "6", "--generator", "svj", "--cache", "cache");
        below.ExitCode.Should().Be(ExitCodes.BadInput);
        below.Error.Should().Contain("--start-vix 6: the fitted SVJ's 30-day index cannot go below");
        svj.ExitCode.Should().Be(0, svj.Error);
        using var svjDoc = JsonDocument.Parse(svj.Output);
        svjDoc.RootElement.GetProperty("startVix").GetDouble().Should().Be(40);
        svjDoc.RootElement.GetProperty("bootstrap").ValueKind.Should().Be(JsonValueKind.Null);

        var bad = await CliRun.RunAsync(d.Path, null, "montecarlo", "--preset", "drip", "--start-vix", "400", "--data", data);
        bad.ExitCode.Should().Be(ExitCodes.BadInput);
        bad.Error.Should().Contain("--start-vix 400: a VIX level between 5 and 150");
    }

    /// <summary>
    /// The bootstrap's mean block is a model assumption: by default the length Politis and White's rule picks for the
    /// pool's squared S&amp;P 500 returns (175 days from 1990, 71 from 2011), or --block-days; printed with its rule and in
    /// the JSON (bootstrap.meanBlockDays, meanBlockRule).
    /// </summary>
    [SkippableFact]
    public async Task The_bootstrap_block_comes_from_the_rule_or_the_option()
    {
        string data = SharedData.Require();
        string[] args = ["montecarlo", "--preset", "drip", "--paths", "2", "--years", "1", "--quiet", "--data", data];

        var automatic = await CliRun.RunAsync(Path.GetTempPath(), null, [.. args, "--json"]);
        var recent = await CliRun.RunAsync(Path.GetTempPath(), null, [.. args, "--pool-from", "2011-01-03"]);
        var chosen = await CliRun.RunAsync(Path.GetTempPath(), null, [.. args, "--block-days", "20", "--json"]);
        var text = await CliRun.RunAsync(Path.GetTempPath(), null, [.. args, "--block-days", "20"]);

        automatic.ExitCode.Should().Be(0, automatic.Error);
        using (var doc = JsonDocument.Parse(automatic.Output))
        {
            var bootstrap = doc.RootElement.GetProperty("bootstrap");
            bootstrap.GetProperty("meanBlockDays").GetDouble().Should().BeApproximately(175.43, 0.01);
            bootstrap.GetProperty("meanBlockRule").GetString().Should().Be("politis-white");
        }
        recent.Output.Should().Contain("mean block 70.6 days (Politis and White's rule for the squared S&P 500 returns)");
        using (var doc = JsonDocument.Parse(chosen.Output))
        {
            doc.RootElement.GetProperty("bootstrap").GetProperty("meanBlockDays").GetDouble().Should().Be(20);
            doc.RootElement.GetProperty("bootstrap").GetProperty("meanBlockRule").GetString().Should().Be("block-days");
        }
        text.Output.Should().Contain("mean block 20 days (--block-days)");
        foreach (var (bad, message) in new[] { (new[] { "--block-days", "0" }, "--block-days 0: a mean block of 1 to 9086 trading days (the pool's length from 1990-01-03)"), (["--block-days", "9087"], "--block-days 9087: a mean block of 1 to 9086"), (["--block-days", "20", "--generator", "svj"], "--block-days applies to --generator bootstrap"),
            (["--cache", "c"], "--cache and --no-cache apply to --generator svj"), (["--no-cache"], "--cache and --no-cache apply to --generator svj"), (["--cache", "c", "--no-cache", "--generator", "svj"], "--cache and --no-cache exclude each other"), (["--cache", " ", "--generator", "svj"], "--cache needs a folder"), (["--pool-from", "2020-13-01"], "--pool-from 2020-13-01: a date YYYY-MM-DD") })
        {
            var run = await CliRun.RunAsync(Path.GetTempPath(), null, [.. args, .. bad]);
            run.ExitCode.Should().Be(ExitCodes.BadInput);
            run.Error.Should().Contain(message);
        }
    }

    /// <summary>
    /// When the market check finds the bootstrap's VIX fading faster than history's (its blocks, 175 days on average from
    /// 1990, cut history's multi-year VIX regimes short: a half-life of about 29 days on 10-year paths against 41), the
    /// text says why and what longer blocks trade off; paths too few to judge get no such line.
    /// </summary>
    [SkippableFact]
    public async Task A_bootstrap_whose_vix_fades_too_fast_says_why()
    {
        string data = SharedData.Require();

        var judged = await CliRun.RunAsync(Path.GetTempPath(), null, "montecarlo", "--preset", "drip", "--paths", "20", "--years", "10", "--quiet", "--data", data);
        var few = await CliRun.RunAsync(Path.GetTempPath(), null, "montecarlo", "--preset", "drip", "--paths", "19", "--years", "10", "--quiet", "--data", data);

        judged.ExitCode.Should().Be(0, judged.Error);
        judged.Output.Should().Contain("VIX half-life (trading days)")
            .And.Contain("the VIX fades faster on the paths than in history: blocks of 175 days on average cut its multi-year regimes short; a longer --block-days keeps them, with fewer distinct stretches of history in each path");
        few.Output.Should().NotContain("the VIX fades faster");
    }

    /// <summary>
    /// The SVJ's fit and the open's share of the day (a model assumption) are printed and in the JSON. The calibration is
    /// cached: a second run on the same history, pool start and path length reads it back and gives the same output but
    /// for its timing (JSON <c>svjCalibrationCache</c> says which); the text says where it went or came from. The
    /// cache is pruned (an earlier build's calibrations go; JSON <c>svjCalibrationCache.pruned</c>), other files kept.
    /// </summary>
    [SkippableFact]
    public async Task The_svj_generator_prints_its_overnight_assumption_and_calibration()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        string[] args = ["montecarlo", "--preset", "drip", "--paths", "2", "--years", "1", "--generator", "svj", "--quiet", "--data", data, "--cache", "cache"];
        // Three calibrations of an earlier build (format 1, unused for two days) and a file that is not the cache's: the
        // first run prunes the three, never the file.
        var cacheFolder = Directory.CreateDirectory(Path.Combine(d.Path, "cache")).FullName;
        string[] stale = [.. Enumerable.Range(1, 3).Select(i => Path.Combine(cacheFolder, $"svj-calibration-{new string((char)('a' + i), 64)}.json"))];
        foreach (var file in stale)
        {
            File.WriteAllText(file, "{\"format\":1}");
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-2));
        }
        File.WriteAllText(Path.Combine(cacheFolder, "notes.txt"), "mine");

        var json = await CliRun.RunAsync(d.Path, null, [.. args, "--json"]);
        // A relative ALVH_CACHE is the command's working directory's, as --cache is.
        var again = await CliRun.RunAsync(d.Path, new Dictionary<string, string> { ["ALVH_CACHE"] = "cache" }, [.. args[..^2], "--json"]);
        var text = await CliRun.RunAsync(d.Path, null, args);
        var none = await CliRun.RunAsync(d.Path, null, [.. args[..^2], "--no-cache", "--json"]);
        // A cache folder that cannot be made (a file stands in its way) costs the next run its calibration, not this one its result.
        File.WriteAllText(Path.Combine(d.Path, "blocked"), "a file, not a folder");
        var blocked = await CliRun.RunAsync(d.Path, null, [.. args[..^2], "--cache", "blocked/cache", "--json"]);

        text.ExitCode.Should().Be(0, text.Error);
        text.Output.Should().Contain("20 % of a day's diffusion and any jump overnight, in the open")
            .And.Contain("by moments, then kappa, xi, rho, theta and the premium by simulated moments").And.Contain("to the medians of history's").And.Contain("the moments alone (kappa 9.39")
            .And.Contain($"  calibration read from the cache, made before by this build on the same history, pool start and path length ({Path.Combine(d.Path, "cache", "svj-calibration-")}")
            .And.Contain(" s when it was made) to the medians of history's", "the time is the making's, not this run's");
        string Untimed(string output)
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(output)!.AsObject();
            foreach (var timed in new[] { "seconds", "pathsPerSecond", "svjCalibrationCache" }) node.Remove(timed);
            return node.ToJsonString();
        }
        Untimed(again.Output).Should().Be(Untimed(json.Output), "the cached calibration is the one made, to the bit");
        Untimed(none.Output).Should().Be(Untimed(json.Output), "and the one made again");
        using (var first = JsonDocument.Parse(json.Output))
        using (var second = JsonDocument.Parse(again.Output))
        using (var uncached = JsonDocument.Parse(none.Output))
        {
            var made = first.RootElement.GetProperty("svjCalibrationCache");
            made.GetProperty("status").GetString().Should().Be("written");
            made.GetProperty("written").GetBoolean().Should().BeTrue();
            made.GetProperty("read").GetBoolean().Should().BeFalse();
            made.GetProperty("folder").GetString().Should().Be(Path.Combine(d.Path, "cache"));
            made.GetProperty("pruned").GetInt32().Should().Be(3);
            var read = second.RootElement.GetProperty("svjCalibrationCache");
            read.GetProperty("status").GetString().Should().Be("read");
            read.GetProperty("read").GetBoolean().Should().BeTrue();
            read.GetProperty("file").GetString().Should().Be(made.GetProperty("file").GetString()).And.MatchRegex("svj-calibration-[0-9a-f]{64}[.]json$");
            uncached.RootElement.GetProperty("svjCalibrationCache").GetProperty("status").GetString().Should().Be("no-cache");
            uncached.RootElement.GetProperty("svjCalibrationCache").GetProperty("file").ValueKind.Should().Be(JsonValueKind.Null);
        }
        Directory.GetFiles(cacheFolder).Select(Path.GetFileName).Should().HaveCount(2).And.Contain("notes.txt")
            .And.ContainSingle(f => f!.StartsWith("svj-calibration-", StringComparison.Ordinal), "one calibration for one history, pool start and path length; the earlier build's pruned");
        blocked.ExitCode.Should().Be(0, blocked.Error);
        blocked.Error.Should().Contain($"alvh: warning: the SVJ calibration was not cached in {Path.Combine(d.Path, "blocked", "cache")}");
        Untimed(blocked.Output).Should().Be(Untimed(json.Output));
        using (var notWritten = JsonDocument.Parse(blocked.Output)) notWritten.RootElement.GetProperty("svjCalibrationCache").GetProperty("status").GetString().Should().Be("not-written");
        using var doc = JsonDocument.Parse(json.Output);
        doc.RootElement.GetProperty("svjOvernightShare").GetDouble().Should().Be(0.2);
        // The paths use the calibrated kappa, xi and rho; the moment fit is reported beside them.
        var calibration = doc.RootElement.GetProperty("svjCalibration");
        var fit = doc.RootElement.GetProperty("svjFit");
        fit.GetProperty("kappa").GetDouble().Should().Be(calibration.GetProperty("parameters").GetProperty("kappa").GetDouble());
        calibration.GetProperty("moments").GetProperty("kappa").GetDouble().Should().BeApproximately(9.39, 0.01);
        calibration.GetProperty("windowDays").GetInt32().Should().Be(doc.RootElement.GetProperty("marketCheck").GetProperty("windowDays").GetInt32(), "matched to windows as long as the paths");
        calibration.GetProperty("distance").GetDouble().Should().BeLessThan(calibration.GetProperty("distanceAtMoments").GetDouble());
    }

    /// <summary>
    /// Numbers are read the invariant way: "0,5" (a comma decimal) used to be read as 5 with the comma taken for a
    /// thousands separator, and ran ten times the years asked for. Type errors name no .NET type.
    /// </summary>
    [Theory]
    [InlineData("--years", "0,5", "--years expects a number such as 0.5 (a point for decimals, no thousands separators), got '0,5'")]
    [InlineData("--years", "1e400", "--years expects a number such as 0.5")]
    [InlineData("--start-vix", "2,5", "--start-vix expects a number such as 0.5")]
    [InlineData("--paths", "abc", "Cannot parse argument 'abc' for option '--paths' as a whole number.")]
    [InlineData("--inspect", "x", "for option '--inspect' as a whole number.")]
    public async Task Numbers_are_read_the_invariant_way(string option, string value, string message)
    {
        var run = await CliRun.RunAsync(Path.GetTempPath(), null, "montecarlo", "--preset", "drip", option, value, "--data", "/nonexistent");

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Error.Should().Contain(message).And.NotContain("System.");
    }

    /// <summary>A threshold that is not a fraction is refused, naming the item (the message named the option only).</summary>
    [Theory]
    [InlineData("0.2,abc", "got 'abc' (item 2 of 2)")]
    [InlineData("0.2,-0.3", "got '-0.3' (item 2 of 2)")]
    [InlineData("1.5", "got '1.5' (item 1 of 1)")]
    [InlineData("NaN", "got 'NaN' (item 1 of 1)")]
    [InlineData("0.2,,0.4", "got '' (item 2 of 3)")]
    public async Task Drawdown_thresholds_must_be_fractions(string thresholds, string named)
    {
        var run = await CliRun.RunAsync(Path.GetTempPath(), null, "montecarlo", "--preset", "drip", "--paths", "2", "--drawdowns", thresholds, "--data", "/nonexistent");

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Error.Should().Contain("--drawdowns expects fractions between 0 and 1").And.Contain(named);
    }

    /// <summary>Thresholds print as given: three decimals of a percent, three significant digits of one that three decimals would show as 0 ("-0 %").</summary>
    [Theory]
    [InlineData(-0.2, "-20 %")]
    [InlineData(-0.125, "-12.5 %")]
    [InlineData(-1.0 / 3, "-33.333 %")]
    [InlineData(-1e-6, "-0.0001 %")]
    [InlineData(-1e-300, "-1E-298 %")]
    public void A_drawdown_threshold_prints_as_given(double worseThan, string expected) =>
        Alvh.Cli.Commands.MonteCarloCommand.ThresholdText(worseThan).Should().Be(expected);

    /// <summary>
    /// The simulated markets' fixed inputs and missing events are reported on the console, in montecarlo.json and in
    /// montecarlo.html (JSON <c>assumptions</c>): the T-bill rate is the anchor's last DTB3 on every path, and the FOMC
    /// meetings laid on a path (the shared data's published 2026 schedule, through 2026-12-09, then 2026's eight a year by
    /// rule) drive drip-alvh's event tranche; nothing said so before (review, h87), when a path had no event at all.
    /// </summary>
    [SkippableFact]
    public async Task The_simulated_markets_assumptions_are_reported()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        var run = await CliRun.RunAsync(d.Path, null, "montecarlo", "--preset", "drip-alvh", "--paths", "2", "--years", "0.25", "--quiet", "--data", data, "--out", "mc");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("what the simulated markets hold fixed or lack")
            .And.Contain("simulated market, macroEvents: fomc: the published dates through 2026-12-09, then 2026's 8 a year by rule")
            .And.Contain("drip-alvh's event gates run on them as on history: the ALVH's tranche 2 trading days before an event");
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(d.Path, "mc", "montecarlo.json")));
        var root = doc.RootElement;
        var assumptions = root.GetProperty("assumptions").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!);
        assumptions.Keys.Should().Contain(["calendar", "tBillRate", "dividendYield", "vxFuturesCurve", "vixTermStructure", "vvix", "macroEvents"]);
        double dtb3 = root.GetProperty("anchor").GetProperty("dtb3Percent").GetDouble();
        assumptions["tBillRate"].GetProperty("value").GetString().Should().Be(dtb3.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
        File.ReadAllText(Path.Combine(d.Path, "mc", "montecarlo.html")).Should().Contain("simulated market, tBillRate");
    }

    /// <summary>
    /// A huge --paths was taken and failed allocating every path's outcomes: 2,000,000,000 paths gave "internal error
    /// (OutOfMemoryException)" and exit 1 (a review, h87). Checked before the data is read (so no data folder is needed).
    /// </summary>
    [Fact]
    public async Task Too_many_paths_is_bad_input_before_any_work()
    {
        var run = await CliRun.RunAsync(Path.GetTempPath(), null, "montecarlo", "--preset", "drip", "--paths", "2000000000", "--data", "/nonexistent");

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Error.Should().Contain("--paths 2000000000: at most 1,000,000");
    }

    /// <summary>
    /// --paths and --years out of range are each named with the value given: both said "--paths must be at least 1 and
    /// --years between 0.25 and 100", so --years 0.1 read as a fault of --paths too. Checked before the data are read.
    /// </summary>
    [Theory]
    [InlineData("--paths", "0", "alvh: bad input: --paths 0: at least 1")]
    [InlineData("--paths", "-5", "alvh: bad input: --paths -5: at least 1")]
    [InlineData("--years", "0.1", "alvh: bad input: --years 0.1: between 0.25 and 100")]
    [InlineData("--years", "0", "alvh: bad input: --years 0: between 0.25 and 100")]
    [InlineData("--years", "1e6", "alvh: bad input: --years 1000000: between 0.25 and 100")]
    public async Task Paths_and_years_out_of_range_name_the_option_and_value(string option, string value, string message)
    {
        var run = await CliRun.RunAsync(Path.GetTempPath(), null, "montecarlo", "--preset", "drip", option, value, "--data", "/nonexistent");

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which.Should().Be(message);
    }

    /// <summary>A threshold given twice was accepted, and its probability printed twice (and its column in montecarlo.html).</summary>
    [Fact]
    public async Task A_drawdown_threshold_given_twice_is_bad_input()
    {
        var run = await CliRun.RunAsync(Path.GetTempPath(), null, "montecarlo", "--preset", "drip", "--paths", "2", "--drawdowns", "0.2,0.3,0.20", "--data", "/nonexistent");

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Error.Should().Contain("--drawdowns lists 0.2 2 times; give each threshold once");
    }

    /// <summary>
    /// Same inputs and seed, byte-identical files: montecarlo.json carried the run's seconds and paths/s and the SVJ cache's
    /// state ("written" on the first run, "read" on the next), so two runs of one command wrote different files. Those
    /// stay in the --json output (JSON <c>seconds</c>, <c>pathsPerSecond</c>, <c>svjCalibrationCache</c>).
    /// </summary>
    [SkippableFact]
    public async Task Montecarlo_json_is_byte_identical_for_the_same_inputs_and_seed()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        string[] args = ["montecarlo", "--preset", "drip", "--paths", "2", "--years", "1", "--generator", "svj", "--quiet", "--data", data, "--cache", "cache", "--json"];

        var first = await CliRun.RunAsync(d.Path, null, [.. args, "--out", "one"]);
        var second = await CliRun.RunAsync(d.Path, null, [.. args, "--out", "two"]);

        first.ExitCode.Should().Be(0, first.Error);
        second.ExitCode.Should().Be(0, second.Error);
        byte[] one = File.ReadAllBytes(Path.Combine(d.Path, "one", "montecarlo.json"));
        one.Should().Equal(File.ReadAllBytes(Path.Combine(d.Path, "two", "montecarlo.json")), "the first run wrote the calibration cache and the second read it");
        File.ReadAllBytes(Path.Combine(d.Path, "one", "paths.csv")).Should().Equal(File.ReadAllBytes(Path.Combine(d.Path, "two", "paths.csv")));
        foreach (var page in new[] { Alvh.Reports.MonteCarloReport.FileName }.Concat(Alvh.Reports.MonteCarloReport.ChartFileNames))
        {
            File.ReadAllBytes(Path.Combine(d.Path, "one", page)).Should().Equal(File.ReadAllBytes(Path.Combine(d.Path, "two", page)), page);
        }
        using var file = JsonDocument.Parse(one);
        foreach (var timed in new[] { "seconds", "pathsPerSecond", "svjCalibrationCache" }) file.RootElement.TryGetProperty(timed, out _).Should().BeFalse(timed);
        using var printed = JsonDocument.Parse(second.Output);
        printed.RootElement.GetProperty("seconds").GetDouble().Should().BePositive();
        printed.RootElement.GetProperty("pathsPerSecond").GetDouble().Should().BePositive();
        printed.RootElement.GetProperty("svjCalibrationCache").GetProperty("status").GetString().Should().Be("read");
        var rest = System.Text.Json.Nodes.JsonNode.Parse(second.Output)!.AsObject();
        foreach (var timed in new[] { "seconds", "pathsPerSecond", "svjCalibrationCache" }) rest.Remove(timed);
        rest.ToJsonString().Should().Be(System.Text.Json.Nodes.JsonNode.Parse(one)!.ToJsonString(), "the rest of the --json output is the file");
    }

    /// <summary>
    /// The DRIP preset is the baseline itself: paths.csv gives its columns once and the text its table once (paths.csv had
    /// drip.cagr, drip.maxDrawdown and drip.terminalWealth twice, and the text two identical tables titled drip).
    /// </summary>
    [SkippableFact]
    public async Task The_drip_preset_is_reported_once_as_the_baseline_itself()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();

        var run = await CliRun.RunAsync(d.Path, null, "montecarlo", "--preset", "drip", "--paths", "3", "--years", "1", "--quiet", "--data", data, "--out", "mc");

        run.ExitCode.Should().Be(0, run.Error);
        var lines = File.ReadAllLines(Path.Combine(d.Path, "mc", "paths.csv"));
        var header = lines[0].Split(',');
        header.Should().OnlyHaveUniqueItems();
        header[..5].Should().Equal("path", "seed", "drip.cagr", "drip.maxDrawdown", "drip.terminalWealth");
        header[5].Should().Be("drip-same-vol.weight");
        lines[1..].Should().AllSatisfy(l => l.Split(',').Should().HaveCount(header.Length));
        run.Output.Split('\n').Count(l => l.Trim() == "drip").Should().Be(1, "one table titled drip");
        run.Output.Split('\n').Count(l => l.Contains("P(max drawdown worse than -20 %)")).Should().Be(1);
    }

    /// <summary>
    /// Where no DRIP weight in [0, 1] reaches the strategy's volatility, the end that stands in is named: a strategy all in
    /// T-bills is calmer than the bills' own mix on some paths (weight 0, paths.csv's matched false), and the line said
    /// "on 3 of the 5 paths cash was more volatile than drip, which stands in unlevered there" (seed 1, 5 one-year paths;
    /// README, Monte Carlo: "w = 0 for one calmer than the bills").
    /// </summary>
    [SkippableFact]
    public async Task A_strategy_calmer_than_the_bills_is_not_called_more_volatile_than_the_drip()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("cash.yaml", "name: cash\ncapital: 1000000\ncashAllocation: 1\n");

        var run = await CliRun.RunAsync(d.Path, null, "montecarlo", "--config", "cash.yaml", "--paths", "5", "--years", "1", "--quiet", "--data", data, "--out", "mc");

        run.ExitCode.Should().Be(0, run.Error);
        var rows = File.ReadAllLines(Path.Combine(d.Path, "mc", "paths.csv"));
        var header = rows[0].Split(',');
        int weight = Array.IndexOf(header, "drip-same-vol.weight"), matched = Array.IndexOf(header, "drip-same-vol.matched");
        int calm = rows[1..].Select(r => r.Split(',')).Count(r => r[matched] == "false" && r[weight] == "0");
        calm.Should().BePositive("some paths are calmer than the bills (the case under test)");
        run.Output.Should().NotContain("was more volatile than drip")
            .And.Contain($"on {calm} of the 5 paths cash was calmer than the T-bills, which stand in alone there (weight 0)");
    }

    /// <summary>
    /// A threshold is printed as given, not rounded to a whole percent: --drawdowns 0.125,0.333 printed "worse than -12 %"
    /// and "-33 %", and a path at -33.27% (worse than -33%) was not counted, as it is not worse than -33.3%.
    /// </summary>
    [SkippableFact]
    public async Task Drawdown_thresholds_are_printed_as_given()
    {
        string data = SharedData.Require();

        var run = await CliRun.RunAsync(Path.GetTempPath(), null, "montecarlo", "--preset", "drip", "--paths", "3", "--years", "1", "--quiet", "--drawdowns", "0.125,0.333,0.2", "--data", data);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("P(max drawdown worse than -12.5 %) = ").And.Contain("P(max drawdown worse than -33.3 %) = ")
            .And.Contain("P(max drawdown worse than -20 %) = ").And.NotContain("worse than -12 %").And.NotContain("worse than -33 %");
    }

    [Fact]
    public async Task An_output_folder_that_cannot_be_made_is_a_clear_error()
    {
        using var d = new TempFolder();
        d.Write("blocker", "a file where a folder should go\n");

        var run = await CliRun.RunAsync(d.Path, null, "init", Path.Combine("blocker", "strategy.yaml"));

        // A path under a file is bad input naming the file in the way (h110's fuzz; it was exit 1, "cannot write or read a file").
        run.ExitCode.Should().Be(ExitCodes.BadInput, run.Error);
        run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which.Should().StartWith("alvh: bad input: ").And.Contain("blocker is a file, not a folder");
    }

    /// <summary>
    /// An --out under a file is refused before the work, with exit 2: a Monte Carlo run failed on it only once every path
    /// had run (review); the walk-forward checks it before loading the data too.
    /// </summary>
    [SkippableFact]
    public async Task An_out_folder_under_a_file_is_refused_before_the_paths_run()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("blocker", "a file where a folder should go\n");

        var run = await CliRun.RunAsync(d.Path, null, "montecarlo", "--preset", "drip", "--paths", "4", "--years", "1", "--out", Path.Combine("blocker", "mc"), "--data", data);

        run.ExitCode.Should().Be(ExitCodes.BadInput, run.Error);
        run.Error.Should().StartWith("alvh: bad input: --out ").And.Contain("blocker is a file, not a folder");
        run.Output.Should().BeEmpty("no path ran");
        d.Write("g.yaml", "capital: [100000, 200000]\n");
        var walk = await CliRun.RunAsync(d.Path, null, "walkforward", "--preset", "drip", "--grid", "g.yaml", "--out", "blocker", "--data", data);
        walk.ExitCode.Should().Be(ExitCodes.BadInput, walk.Error);
        walk.Error.Should().Contain("blocker is a file, not a folder");
        // The other commands that write a folder say it the same way, before their work (study and backtest said
        // "Could not find a part of the path", exit 1).
        foreach (var args in new[] { new[] { "study", "--out", "blocker/s" }, ["backtest", "--preset", "drip", "--out", "blocker/b"], ["sweep", "--preset", "drip", "--grid", "g.yaml", "--out", "blocker/w"] })
        {
            var other = await CliRun.RunAsync(d.Path, null, [.. args, "--data", data, "--quiet"]);
            other.ExitCode.Should().Be(ExitCodes.BadInput, string.Join(' ', args) + ": " + other.Error);
            other.Error.Should().Contain("blocker is a file, not a folder", args[0]);
        }
    }

    /// <summary>
    /// An --out that cannot be made fails before the data are loaded and the paths run (exit 1, naming --out): it failed
    /// only once every path had run ("alvh: cannot write or read a file: Could not find file '/proc/...'"), as the
    /// walk-forward did before it staged its folder first. Under /proc no folder can be made, even by root; the data
    /// folder given does not exist, so an --out checked after the data would fail on the data instead.
    /// </summary>
    [SkippableFact]
    public async Task An_out_folder_that_cannot_be_made_fails_before_the_paths_run()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "/proc is Linux's");
        using var d = new TempFolder();

        var run = await CliRun.RunAsync(d.Path, null, "montecarlo", "--preset", "drip", "--paths", "2", "--years", "1", "--data", Path.Combine(d.Path, "no-data"), "--out", "/proc/alvh-montecarlo", "--quiet");

        run.ExitCode.Should().Be(ExitCodes.Failure, run.Error);
        run.Error.Should().StartWith("alvh: cannot write --out /proc/alvh-montecarlo: ");
        run.Output.Should().BeEmpty();
    }

    /// <summary>
    /// --out's help names every file it writes and what montecarlo.json leaves out: it said montecarlo.json was "as --json"
    /// (the file has no seconds, pathsPerSecond or svjCalibrationCache) and did not name montecarlo.html or its charts.
    /// </summary>
    [Fact]
    public async Task Out_help_names_the_tear_sheet_and_what_the_json_file_leaves_out()
    {
        var r = await CliRun.RunAsync(Path.GetTempPath(), null, "montecarlo", "--help");
        r.ExitCode.Should().Be(ExitCodes.Ok, r.Error);
        string.Join(" ", r.Output.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries))
            .Should().Contain("montecarlo.html, its tear sheet (with mc-cagr.png, mc-drawdown.png and mc-wealth.png)")
            .And.Contain("as --json without seconds, pathsPerSecond and svjCalibrationCache");
    }
}
