using System.Globalization;
using Alvh.Data.Research;
using Alvh.Research.Scenarios;
using Alvh.Strategies;
using Spectre.Console;

namespace Alvh.Cli.Commands;

internal static partial class MonteCarloCommand
{
    /// <summary>
    /// What ran, as the console's first line and the page's title say it: "20 bootstrap paths of 2 years", and "of 1 year"
    /// (the page's title read "paths of 1 years").
    /// </summary>
    internal static string PathsOf(int count, string kind, double horizon) => string.Create(CultureInfo.InvariantCulture,
        $"{count} {kind} path{(count == 1 ? "" : "s")} of {horizon:0.##} year{(horizon == 1 ? "" : "s")}");

    /// <summary>The console's account of the run: the generator, the market check, each strategy's distributions, the paired comparisons and the notes.</summary>
    private static void WriteConsole(CliContext context, Request request, GeneratorSetup generator, Outcomes outcomes)
    {
        var strategy = request.Strategy;
        var (count, kind, horizon, startAt, block) = (request.Count, request.Kind, request.Horizon, request.StartAt, request.Block);
        var (anchor, lastClose, days, historical, fit, calibration, calibrationSeconds, cacheUse, bootstrap, firstBlock) =
            (generator.Anchor, generator.LastClose, generator.Days, generator.Historical, generator.Fit, generator.Calibration, generator.CalibrationSeconds, generator.CacheUse, generator.Bootstrap, generator.FirstBlock);
        var (main, baseline, seconds, marketCheck, mainSummary, baselineSummary, paired, fair, worstMain, worstBase, wings) =
            (outcomes.Main, outcomes.Baseline, outcomes.Seconds, outcomes.MarketCheck, outcomes.MainSummary, outcomes.BaselineSummary, outcomes.Paired, outcomes.Fair, outcomes.WorstMain, outcomes.WorstBase, outcomes.Wings);
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{PathsOf(count, kind, horizon)} from {days[0]:yyyy-MM-dd} (SPX {anchor.Spx:0.00}, VIX {anchor.Vix:0.00}), seed {request.Seed}: {seconds:0.0} s, {count / seconds:0.00} paths/s"));
        if (fit is not null)
        {
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"SVJ fit ({historical.Dates[0]:yyyy-MM-dd} on): drift {fit.Drift * 252:P2}/y, kappa {fit.Kappa:0.00}/y, long-run vol {Math.Sqrt(fit.Theta):P1}, xi {fit.Xi:0.00}, rho {fit.Rho:0.00}, jumps {fit.JumpsPerYear:0.00}/y of {fit.JumpMean:P2} +- {fit.JumpStd:P2}, variance jump {fit.VarianceJump:0.000}, premium (VIX^2 / expected variance) {fit.VarianceRiskPremium:0.00}; {SvjModel.OvernightShare:P0} of a day's diffusion and any jump overnight, in the open"));
            var c = calibration!;
            static string F(SvjFeatures f) => string.Create(CultureInfo.InvariantCulture,
                $"VIX half-life {f.VixHalfLifeDays:0.0} days, return-VIX correlation {f.ReturnVixCorrelation:0.00}, VIX 95th percentile {f.VixP95:0.00}, mean VIX {f.MeanVix:0.00}, VIX premium {f.VixPremium:0.00}");
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  by moments, then kappa, xi, rho, theta and the premium by simulated moments ({c.Evaluations} candidates in {c.Runs} simplex runs on {c.Paths} paths, {calibrationSeconds:0.0} s{(cacheUse!.Read ? " when it was made" : "")}) to the medians of history's {c.Windows} windows of {c.WindowDays} days: {F(c.Targets)}; on the calibration's paths {F(c.Achieved)} (distance {c.Distance:0.000} in the windows' spreads; the variance jump rescaled)"));
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  the moments alone (kappa {c.Moments.Kappa:0.00}, xi {c.Moments.Xi:0.00}, rho {c.Moments.Rho:0.00}, theta {c.Moments.Theta:0.0000}, premium {c.Moments.VarianceRiskPremium:0.00}) gave {F(c.AtMoments)} (distance {c.DistanceAtMoments:0.00})"));
            context.Output.WriteLine(cacheUse!.Status switch
            {
                "read" => $"  calibration read from the cache, made before by this build on the same history, pool start and path length ({cacheUse.File}); --no-cache makes it again",
                "written" => $"  calibration saved in the cache ({cacheUse.File}): the next run on the same history, pool start and path length reads it",
                "not-written" => "  calibration not cached (see the warning)",
                "no-cache" => "  calibration made again (--no-cache)",
                _ => $"  calibration not cached: no cache folder (set {SvjCalibrationCache.EnvironmentVariable}, XDG_CACHE_HOME or HOME, or give --cache)",
            });
            if (c.ParametersAtBounds is { Count: > 0 } atBounds)
            {
                context.Output.WriteLine($"  note: {string.Join(", ", atBounds)} at the search's bound (kappa <= {SvjModel.MaxKappa}, xi <= {SvjModel.MaxXi}, |rho| <= {SvjModel.MaxAbsRho.ToString(CultureInfo.InvariantCulture)}, theta {SvjModel.MinTheta.ToString(CultureInfo.InvariantCulture)} to {SvjModel.MaxTheta}, premium {SvjModel.MinPremium.ToString(CultureInfo.InvariantCulture)} to {SvjModel.MaxPremium}): history's windows ask for more there than the model reaches; the fit is the nearest the bound allows");
            }
            if (!c.Matched) context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  warning: the calibration did not reach its targets (distance {c.Distance:0.00} of at most {SvjModel.CalibrationMatched}): the paths differ from history on these features; see the market check below"));
        }
        else
        {
            string rule = block is null ? "Politis and White's rule for the squared S&P 500 returns" : "--block-days";
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stationary block bootstrap: {bootstrap!.Pool.Count} historical days from {bootstrap.Pool.Dates[0]:yyyy-MM-dd}, mean block {bootstrap.MeanBlockDays:0.#} days ({rule}), VIX pulled {bootstrap.VixReversion * 100:0.##}%/day to the drawn day's level"));
        }
        if (startAt is { } started)
        {
            string start = string.Create(CultureInfo.InvariantCulture, $"stress start: VIX {started:0.00} instead of the last close's {lastClose.Vix:0.00}");
            if (firstBlock is null)
            {
                context.Output.WriteLine(start + "; the SVJ starts at the variance that gives it");
            }
            else
            {
                context.Output.WriteLine(start + string.Create(CultureInfo.InvariantCulture,
                    $"; each path's first day is drawn among the {firstBlock.Days} historical days whose previous VIX close was nearest (VIX {firstBlock.PreviousVixFrom:0.00} to {firstBlock.PreviousVixTo:0.00}, median {firstBlock.PreviousVixMedian:0.00}; {firstBlock.Episodes})"));
                if (!firstBlock.Matched) context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  history has too few days that began near VIX {started:0.00}: the paths start there, but their first days move as days that began at VIX {firstBlock.PreviousVixMedian:0.00} (median) did"));
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  the first block runs on from the drawn day ({bootstrap!.MeanBlockDays:0.#} days on average) and later blocks start on any day, so the stress lasts about that long; the path's VIX is pulled {bootstrap.VixReversion * 100:0.##}%/day to the drawn days' level"));
            }
        }
        if (anchor.TermStructure is { } ts)
        {
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"missing VIX9D/VIX3M/VIX6M pillars on a path: the history's term-structure fit (long-run {ts.LongRunMultiple:0.###} x trailing mean VIX, kappa {ts.Kappa:0.###}/y, {ts.Days} days), not refitted per path"));
        }
        context.Output.WriteLine("what the simulated markets hold fixed or lack (JSON assumptions):");
        foreach (var assumption in ScenarioAssumptions.Of(anchor, kind, strategy)) context.Output.WriteLine("  " + AssumptionLine(assumption));
        static string Ratio(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.00", CultureInfo.InvariantCulture);
        WriteMarketCheck(context, marketCheck, horizon, startAt is not null, bootstrap?.MeanBlockDays, fit?.Kappa);
        // The DRIP preset is the baseline itself: its table once (twice, under the same name, it read as two runs).
        var tables = ReferenceEquals(strategy, Presets.Drip) ? new[] { (strategy.Name, mainSummary) } : new[] { (strategy.Name, mainSummary), (Presets.Drip.Name, baselineSummary) };
        foreach (var (name, summary) in tables)
        {
            var table = DistributionTable(Markup.Escape(name));
            DistributionRow(table, "CAGR", summary.Cagr, Pct);
            DistributionRow(table, "max drawdown", summary.MaxDrawdown, Pct);
            DistributionRow(table, "terminal wealth (x)", summary.TerminalWealth, Ratio);
            context.Console.Write(table);
            foreach (var (worseThan, p) in summary.DrawdownProbabilities)
            {
                // The threshold as given (P0 rounded 0.125 to "-12 %" and 0.333 to "-33 %", which a path at -33.27% is
                // worse than but was not counted for): up to three decimals of a percent, "-20 %" as before.
                string threshold = ThresholdText(worseThan);
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  P(max drawdown worse than {threshold}) = {p.Estimate:P1} (95% Wilson {p.Lower:P1} to {p.Upper:P1})"));
            }
        }
        if (paired is not null)
        {
            // Both ran on the same paths: the differences path by path are the hedge's effect without the paths' spread.
            WritePaired(context, paired, strategy.Name, Presets.Drip.Name, $"{strategy.Name} against {Presets.Drip.Name} on the same paths");
        }
        if (fair is not null)
        {
            // Against the DRIP holding only as much stock as gives the strategy's volatility: what the hedge adds beyond holding cash.
            string name = Alvh.Study.StudyEngine.SameVolatility;
            WritePaired(context, fair.Paired, strategy.Name, name, $"{strategy.Name} against {name}, the drip de-levered to its volatility on each path");
            context.Output.WriteLine("  " + SameVolatilityLine(fair, strategy.Name, count));
        }
        context.Output.WriteLine("  " + DeepestLine(strategy, main, baseline, worstMain, worstBase) + "; see a path's market and trades with --inspect N --out DIR");
        if (wings is not null) context.Output.WriteLine("  " + WingsLine(wings));
        context.Output.WriteLine("  " + IntervalsLine);
        context.Output.WriteLine("  " + SamplingErrorLine);
    }

    /// <summary>
    /// A drawdown threshold as given, in percent: up to three decimals ("-20 %", "-12.5 %", "-33.333 %"), three significant
    /// digits when three decimals would read 0 (1e-300 read "-0 %").
    /// </summary>
    internal static string ThresholdText(double fraction)
    {
        double percent = fraction * 100;
        string text = percent.ToString("0.###", CultureInfo.InvariantCulture);
        return (text is "0" or "-0" ? percent.ToString("G3", CultureInfo.InvariantCulture) : text) + " %";
    }

    /// <summary>One assumption of the simulated markets as a line (console and montecarlo.html): name, value and unit, then why.</summary>
    private static string AssumptionLine(Assumption a) => $"simulated market, {a.Name}: {a.Value}{(a.Unit.Length > 0 ? " (" + a.Unit + ")" : "")}; {a.Reason}";

    /// <summary>How the intervals are made (console and montecarlo.html).</summary>
    private const string IntervalsLine = "95% CI of the median: distribution-free, from the order statistics, covering at least 95% (exact coverage in --json; Conover 1999, 3.2); of the mean: Student's t.";

    /// <summary>What the intervals measure (console and montecarlo.html).</summary>
    private const string SamplingErrorLine = "Both measure the sampling error of these paths under this generator, not the error of the generator itself.";

    /// <summary>The same-volatility DRIP's weight over the paths (console and montecarlo.html).</summary>
    private static string SameVolatilityLine(SameVolatilitySummary fair, string strategy, int count)
    {
        var w = fair.Weight;
        // Two ends stand in where no weight reaches the strategy's volatility (MonteCarlo.SameVolatilityCurve): the DRIP itself
        // for a strategy more volatile than it, the bills alone for one calmer than them. Both were called "more volatile
        // than drip": a strategy all in T-bills read "on 3 of the 5 paths cash was more volatile than drip".
        int volatile_ = fair.UnmatchedPaths - fair.UnmatchedCalmPaths;
        string unsolved = (volatile_ == 0 ? "" : $"; on {volatile_} of the {count} paths {strategy} was more volatile than {Presets.Drip.Name}, which stands in unlevered there")
            + (fair.UnmatchedCalmPaths == 0 ? "" : $"; on {fair.UnmatchedCalmPaths} of the {count} paths {strategy} was calmer than the T-bills, which stand in alone there (weight 0)");
        return $"{Alvh.Study.StudyEngine.SameVolatility}: drip's weight {Pct(w.P50)} (median; 5-95% {Pct(w.P5)} to {Pct(w.P95)}), the rest in the path's T-bills, rebalanced daily{unsolved}";
    }

    /// <summary>The paths with the deepest drawdowns (console and montecarlo.html).</summary>
    private static string DeepestLine(StrategyDefinition strategy, PathOutcome[] main, PathOutcome[] baseline, int worstMain, int worstBase)
    {
        string baseWorst = ReferenceEquals(strategy, Presets.Drip) ? "" : $", {Presets.Drip.Name} {Pct(baseline[worstBase].MaxDrawdown)} on path {worstBase}";
        return $"deepest drawdown: {strategy.Name} {Pct(main[worstMain].MaxDrawdown)} on path {worstMain}{baseWorst}";
    }

    /// <summary>The condor's wings against the index's growth (console and montecarlo.html).</summary>
    private static string WingsLine(CondorWings wings) => string.Create(CultureInfo.InvariantCulture,
        $"the condor's wings are index points (put {wings.PutPoints:0.##}, call {wings.CallPoints:0.##}): {Pct(wings.StartShare)} of the S&P 500 at the start ({wings.StartSpx:#,0}), about {Pct(wings.MedianEndShare)} at the paths' median end ({wings.MedianEndSpx:#,0}); as the index grows the sleeve sells more, narrower condors for the same risk budget");

    /// <summary>The market check's verdict (console, under its table, and montecarlo.html).</summary>
    private static string MarketCheckVerdict(MarketCheck check, double years)
    {
        string span = string.Create(CultureInfo.InvariantCulture, $"{years:0.##}-year");
        string against = check.Reference == "windows" ? $"history's {span} windows" : "history";
        var labels = CheckedStatistics.ToDictionary(x => x.Key, x => x.Label);
        return !check.Judged ? $"too few paths to judge the generator against {against} (fewer than {MarketCheck.MinimumPaths})"
            : check.DiffersFromHistory.Count == 0 ? $"the paths are in line with {against} on every statistic"
            : $"the paths differ from {against} on: {string.Join("; ", check.DiffersFromHistory.Select(k => labels[k]))}";
    }

    /// <summary>
    /// The condor's wing widths against the S&amp;P 500 at the paths' start and at their median end (the start grown by the
    /// paths' median log drift over the horizon): JSON <c>condorWings</c>.
    /// </summary>
    private sealed record CondorWings(double PutPoints, double CallPoints, double StartSpx, double MedianEndSpx, double StartShare, double MedianEndShare)
    {
        public static CondorWings Of(Alvh.Sleeves.CondorParameters rules, double startSpx, double medianDrift, double years)
        {
            double end = startSpx * Math.Exp(medianDrift * years);
            double wing = Math.Max(rules.PutWing, rules.CallWing);
            return new CondorWings(rules.PutWing, rules.CallWing, startSpx, end, wing / startSpx, wing / end);
        }
    }

    /// <summary>One strategy's outcome distributions over the paths (JSON fields cagr, maxDrawdown, terminalWealth, drawdownProbabilities).</summary>
    private sealed record OutcomeSummary(Distribution Cagr, Distribution MaxDrawdown, Distribution TerminalWealth, IReadOnlyList<DrawdownRisk> DrawdownProbabilities);

    /// <summary>P(max drawdown worse than <paramref name="WorseThan"/>), a negative fraction.</summary>
    private sealed record DrawdownRisk(double WorseThan, Proportion Probability);

    /// <summary>
    /// The strategy against the DRIP de-levered to its volatility on each path (JSON <c>sameVolatility</c>): the DRIP's
    /// weight over the paths, the paths where no weight in [0, 1] reached the strategy's volatility (the nearest end
    /// stood in: all DRIP for a strategy more volatile than it), and the paired comparison over every path.
    /// </summary>
    private sealed record SameVolatilitySummary(Distribution Weight, int UnmatchedPaths, int UnmatchedCalmPaths, PairedOutcomes Paired)
    {
        /// <summary>UnmatchedCalmPaths: those of the unmatched paths where the bills stood in (weight 0), the strategy calmer than them.</summary>
        public static SameVolatilitySummary Of(PathOutcome[] strategy, PathOutcome[] sameVolatility, double[] weights, bool[] matched) =>
            new(Distribution.Of(weights), matched.Count(m => !m), Enumerable.Range(0, matched.Length).Count(p => !matched[p] && weights[p] == 0),
                PairedOutcomes.Of(strategy, sameVolatility));
    }

    /// <summary>A paired comparison's table and its lines (the shares of paths with a shallower drawdown and with more wealth, and the means).</summary>
    private static void WritePaired(CliContext context, PairedOutcomes paired, string strategy, string other, string title)
    {
        static string Ratio(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.00", CultureInfo.InvariantCulture);
        var table = DistributionTable(Markup.Escape(title));
        DistributionRow(table, $"CAGR - {other}'s (% points)", paired.CagrDifference, Points);
        DistributionRow(table, $"max drawdown - {other}'s (% points, + shallower)", paired.DrawdownDifference, Points);
        DistributionRow(table, $"{other}'s drawdown avoided", paired.DrawdownCut, Pct);
        DistributionRow(table, $"terminal wealth / {other}'s", paired.TerminalWealthRatio, Ratio);
        context.Console.Write(table);
        static string Ties(int n) => n == 0 ? "" : $"; {n} paths equal, counted in neither";
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  P({strategy}'s max drawdown shallower) = {paired.ShallowerDrawdown.Estimate:P1} (95% Wilson {paired.ShallowerDrawdown.Lower:P1} to {paired.ShallowerDrawdown.Upper:P1}{Ties(paired.EqualDrawdown)})"));
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  P({strategy} ends richer) = {paired.HigherTerminalWealth.Estimate:P1} (95% Wilson {paired.HigherTerminalWealth.Lower:P1} to {paired.HigherTerminalWealth.Upper:P1}{Ties(paired.EqualTerminalWealth)})"));
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  on average: 1 - mean max drawdown / {other}'s = {Pct(paired.MeanDrawdownCut)} of {other}'s drawdown avoided; mean terminal wealth / {other}'s = {Ratio(paired.MeanWealthRatio)}"));
    }

    /// <summary>Each statistic of the market check: its key (JSON and paths.csv), its label in the table and how it is written.</summary>
    private static IReadOnlyList<(string Key, string Label, Func<MarketStatistics, double> Value, Func<double, string> Format)> CheckedStatistics { get; } =
        [.. MarketCheck.Statistics.Select(x => (x.Key, Label(x.Key), x.Value, Format(x.Key)))];

    private static string Label(string key) => key switch
    {
        "spxDrift" => "S&P 500 drift (log, a year)",
        "realizedVolatility" => "S&P 500 realised vol (a year)",
        "meanVix" => "mean VIX",
        "vixPremium" => $"VIX - next {MarketStatistics.PremiumDays} days' realised vol",
        "returnVixCorrelation" => "corr(S&P 500 return, VIX change)",
        "crashDaysPerYear" => string.Create(CultureInfo.InvariantCulture, $"days of {MarketStatistics.CrashReturn:P0} or worse a year"),
        "vixP95" => "VIX 95th percentile",
        "vixHalfLifeDays" => "VIX half-life (trading days)",
        "spxMaxDrawdown" => "S&P 500 max drawdown",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "a statistic without a label"),
    };

    private static Func<double, string> Format(string key) => key switch
    {
        "spxDrift" or "realizedVolatility" or "spxMaxDrawdown" => Pct,
        "vixHalfLifeDays" => v => double.IsNaN(v) ? "n/a" : v.ToString("0.0", CultureInfo.InvariantCulture),
        _ => v => double.IsNaN(v) ? "n/a" : v.ToString("0.00", CultureInfo.InvariantCulture),
    };

    /// <summary>The market check as a table, with the statistics on which the paths differ from history.</summary>
    private static void WriteMarketCheck(CliContext context, MarketCheck check, double years, bool stressStart, double? meanBlockDays, double? svjKappa)
    {
        string span = string.Create(CultureInfo.InvariantCulture, $"{years:0.##}-year");
        bool byWindows = check.Reference == "windows";
        var table = new Table().Title("the simulated markets against history").AddColumn("statistic");
        foreach (var c in new[] { "history", "windows p5", "p50", "p95", "paths p5", "p50", "p95", byWindows ? "paths below windows' p50" : "paths below history" }) table.AddColumn(new TableColumn(c).RightAligned());
        foreach (var (key, label, value, format) in CheckedStatistics)
        {
            var (w, d) = (check.HistoryWindows[key], check.Paths[key]);
            double below = check.PathsBelowReference[key];
            table.AddRow(Markup.Escape(label), format(value(check.History)), format(w.P5), format(w.P50), format(w.P95), format(d.P5), format(d.P50), format(d.P95), double.IsNaN(below) ? "n/a" : Pct(below));
        }
        context.Console.Write(table);
        string windows = check.Windows > 0 ? $"and its {check.Windows} {span} windows, a month apart" : $"shorter than a {span} path: no window of a path's length";
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  history: {check.HistoryFrom:yyyy-MM-dd} to {check.HistoryTo:yyyy-MM-dd} ({check.HistoryDays:#,0} days), {windows}"));
        context.Output.WriteLine("  " + MarketCheckVerdict(check, years));
        if (check.Judged)
        {
            string reference = byWindows ? "the windows' median" : "the whole history's value (too short for two windows end to end)";
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  (a difference: under {MarketCheck.LowShare:P0} or over {1 - MarketCheck.LowShare:P0} of the paths below {reference}, or it outside the paths' 5-95% range)"));
        }
        if (meanBlockDays is { } block && check.DiffersFromHistory.Contains("vixHalfLifeDays") && check.PathsBelowReference["vixHalfLifeDays"] > 0.5)
        {
            // The bootstrap's VIX fades faster than history's when its blocks cut history's multi-year VIX regimes short.
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  the VIX fades faster on the paths than in history: blocks of {block:0} days on average cut its multi-year regimes short; a longer --block-days keeps them, with fewer distinct stretches of history in each path"));
        }
        // The SVJ has no blocks (the line said "their first block" for it too): its stress fades as its variance reverts.
        if (stressStart && svjKappa is { } kappa)
        {
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  the paths start from a stress VIX, not from history's mix: their first weeks differ from history by design (the variance's distance from its long-run level halves in {Math.Log(2) / kappa * 252:0.#} trading days on average, ln 2 / kappa)"));
        }
        else if (stressStart)
        {
            context.Output.WriteLine("  the paths start from a stress VIX, not from history's mix: their first block differs from history by design");
        }
        context.Output.WriteLine("  Measured alike on history and on each path (its days after the first): a check of the generator, not of the strategy.");
    }

    /// <summary>The path with the deepest drawdown (the first of equals).</summary>
    private static int Worst(PathOutcome[] outcomes) => Array.IndexOf(outcomes, outcomes.MinBy(x => x.MaxDrawdown));

    private static string Pct(double v) => double.IsNaN(v) ? "n/a" : (v * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    private static string Points(double v) => double.IsNaN(v) ? "n/a" : (v * 100).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);

    private static Table DistributionTable(string title)
    {
        var table = new Table().Title(title).AddColumn("metric");
        foreach (var c in new[] { "p5", "p25", "p50", "p75", "p95", "mean", "median 95% CI", "mean 95% CI" }) table.AddColumn(new TableColumn(c).RightAligned());
        return table;
    }

    private static void DistributionRow(Table table, string label, Distribution d, Func<double, string> format)
    {
        static string Ci(Interval i, Func<double, string> f) => double.IsNaN(i.Lower) ? "n/a" : $"{f(i.Lower)} to {f(i.Upper)}";
        table.AddRow(label, format(d.P5), format(d.P25), format(d.P50), format(d.P75), format(d.P95), format(d.Mean), Ci(d.MedianCi, format), Ci(d.MeanCi, format));
    }
}
