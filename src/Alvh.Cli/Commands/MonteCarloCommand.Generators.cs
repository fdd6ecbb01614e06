using System.Diagnostics;
using System.Globalization;
using Alvh.Data.Research;
using Alvh.MarketData;
using Alvh.Model;
using Alvh.Research.Scenarios;
using Alvh.Runs;

namespace Alvh.Cli.Commands;

internal static partial class MonteCarloCommand
{
    /// <summary>The generator, ready to draw paths, and what the run reports about it.</summary>
    /// <param name="Anchor">Where the paths start (a stress start's VIX in place of the last close's).</param>
    /// <param name="LastClose">The last historical close's anchor.</param>
    /// <param name="Days">The paths' days.</param>
    /// <param name="Historical">The historical days from the pool's start.</param>
    /// <param name="Generate">Draws the path of a seed.</param>
    /// <param name="Fit">The SVJ's parameters, or null for the bootstrap.</param>
    /// <param name="Calibration">The SVJ's calibration, or null.</param>
    /// <param name="CalibrationSeconds">The calibration's time (when it was made, for one read from the cache).</param>
    /// <param name="CacheUse">How the calibration used its cache, or null for the bootstrap.</param>
    /// <param name="Bootstrap">The bootstrap, or null for the SVJ.</param>
    /// <param name="FirstBlock">A stress start's first block, or null.</param>
    private sealed record GeneratorSetup(
        ScenarioAnchor Anchor, ScenarioAnchor LastClose, DateOnly[] Days, HistoricalDays Historical, Func<ulong, ScenarioPath> Generate,
        SvjParameters? Fit, SvjCalibration? Calibration, double CalibrationSeconds, CalibrationCacheUse? CacheUse, BlockBootstrap? Bootstrap, FirstBlock? FirstBlock);

    /// <summary>
    /// Makes the generator ready: the bootstrap's pool and blocks, or the SVJ's calibration (read from its cache, or made
    /// and cached); null (the reason on standard error) when the history cannot give one.
    /// </summary>
    private static GeneratorSetup? Prepare(CliContext context, Request request, MarketDataSet history)
    {
        var market = MarketContext.Build(history);
        var lastClose = ScenarioAnchor.From(market);
        var anchor = request.StartAt is { } v0 ? lastClose with { Vix = v0 } : lastClose;
        // Without a dividend yield on the last day (neither SPY's distributions nor Shiller's file) the paths pay none: the
        // DRIP reinvests nothing, which only the assumption's value (0) said. With Shiller's file alone the paths pay his yield.
        if (market.Carry.DividendSourceOn(market.Data.Calendar.IndexOf(lastClose.LastHistoricalDay)) == DividendSource.None)
        {
            context.Error.WriteLine("alvh: note: the data hold no dividend yield on their last day (neither SPY's distributions, spy-dividends.csv, nor Shiller's file; 'alvh data fetch' downloads both): the paths' dividend yield is 0%, so the DRIP reinvests no dividends");
        }
        var days = ScenarioCalendar.Days(anchor.LastHistoricalDay, request.Horizon);
        var from = request.PoolFrom;
        // A generator needs a history to draw from or to fit: at least a year of days (two days used to pass).
        var historical = HistoricalDays.From(history, from);
        int available = historical.Count;
        if (available < 252)
        {
            context.Error.WriteLine($"alvh: bad input: --pool-from {from:yyyy-MM-dd} leaves {available} historical days; the generators need at least 252 (a year)");
            return null;
        }
        if (request.Block is { } bd && !(bd >= 1 && bd <= available))
        {
            // A block longer than the pool would only go round it again.
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alvh: bad input: --block-days {bd}: a mean block of 1 to {available} trading days (the pool's length from {historical.Dates[0]:yyyy-MM-dd})"));
            return null;
        }
        if (request.Kind != "svj")
        {
            var drawn = new BlockBootstrap(historical, anchor)
            {
                FirstBlockDays = request.StartAt is { } v ? historical.NearestVix(v, FirstBlockCount(historical)) : null,
                MeanBlockDays = request.Block ?? BlockBootstrap.AutomaticBlockDays(historical),
            };
            var firstBlock = drawn.FirstBlockDays is { } chosen ? FirstBlock.Of(historical, chosen, request.StartAt!.Value) : null;
            return new GeneratorSetup(anchor, lastClose, days, historical, s => drawn.Generate(days, s), null, null, 0, null, drawn, firstBlock);
        }
        // Matched to history's windows as long as a path: a one-factor model cannot match every horizon at once.
        int windowDays = Math.Max(42, days.Length - 1);
        var (calibration, calibrationSeconds, cacheUse) = Calibrate(context, request, history, windowDays);
        var fit = calibration.Parameters;
        var model = new SvjModel(fit, anchor);
        if (request.StartAt is { } low && low < model.MinimumVix)
        {
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alvh: bad input: --start-vix {low}: the fitted SVJ's 30-day index cannot go below {model.MinimumVix:0.00} (its value at zero variance)"));
            return null;
        }
        return new GeneratorSetup(anchor, lastClose, days, historical, s => model.Generate(days, s), fit, calibration, calibrationSeconds, cacheUse, null, null);
    }

    /// <summary>The SVJ's calibration: read from the cache when this build made it on the same inputs, else made (and cached, then the cache pruned).</summary>
    private static (SvjCalibration Calibration, double Seconds, CalibrationCacheUse CacheUse) Calibrate(CliContext context, Request request, MarketDataSet history, int windowDays)
    {
        var from = request.PoolFrom;
        string? cacheFolder = request.NoCache ? null
            : (request.CacheDir ?? SvjCalibrationCache.DefaultFolder(context.Environment)) is { } chosenCache ? Path.GetFullPath(chosenCache, context.CurrentDirectory)
            : null;
        var cache = cacheFolder is null ? null : new SvjCalibrationCache(cacheFolder, context.Time);
        string? calibrationKey = cache is null ? null : SvjCalibration.Key(history, from, windowDays);
        string? problem = null;
        SvjCalibration calibration;
        double calibrationSeconds;
        CalibrationCacheUse cacheUse;
        if (cache?.Read(calibrationKey!, out problem) is { } cached)
        {
            calibration = cached.Calibration;
            calibrationSeconds = cached.Seconds;
            cacheUse = new CalibrationCacheUse("read", cache.Folder, cached.File);
        }
        else
        {
            if (problem is not null) context.Error.WriteLine($"alvh: warning: the cached SVJ calibration is not used ({problem}); calibrating again");
            var calibrating = Stopwatch.StartNew();
            calibration = SvjModel.Calibrate(history, from, windowDays, request.Threads);
            calibrationSeconds = calibrating.Elapsed.TotalSeconds;
            if (cache is not null)
            {
                try
                {
                    cacheUse = new CalibrationCacheUse("written", cache.Folder, cache.Write(calibrationKey!, calibration, calibrationSeconds));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // The run needs no cache: a folder it cannot write costs the next run the calibration, not this one its result.
                    context.Error.WriteLine($"alvh: warning: the SVJ calibration was not cached in {cache.Folder} ({e.Message})");
                    cacheUse = new CalibrationCacheUse("not-written", cache.Folder, cache.PathFor(calibrationKey!));
                }
            }
            else
            {
                cacheUse = new CalibrationCacheUse(request.NoCache ? "no-cache" : "no-folder", null, null);
            }
        }
        if (cache is not null && cacheUse.Status is "read" or "written")
        {
            // The folder would grow with every build and data set: other builds' calibrations and the least recently
            // used go (SvjCalibrationCache.Prune). A run never fails for it: what could not be removed is a warning.
            var pruning = cache.Prune(calibrationKey!);
            cacheUse = cacheUse with { Pruned = pruning.Removed.Count };
            if (pruning.Problems.Count > 0)
            {
                string more = pruning.Problems.Count > 1 ? $" and {pruning.Problems.Count - 1} more" : "";
                context.Error.WriteLine($"alvh: warning: the SVJ calibration cache was not pruned fully ({pruning.Problems[0]}{more})");
            }
        }
        return (calibration, calibrationSeconds, cacheUse);
    }

    /// <summary>
    /// How the SVJ calibration used its cache (JSON <c>svjCalibrationCache</c>): <see cref="Status"/> is <c>read</c>,
    /// <c>written</c>, <c>not-written</c> (the folder could not be written), <c>no-cache</c> (--no-cache) or
    /// <c>no-folder</c> (no cache folder given or set); the folder and file are null for the last two. <see cref="Pruned"/>
    /// counts the files the cache's pruning removed after a read or a write (<see cref="SvjCalibrationCache.Prune"/>).
    /// </summary>
    private sealed record CalibrationCacheUse(string Status, string? Folder, string? File, int Pruned = 0)
    {
        /// <summary>Read from the cache.</summary>
        public bool Read => Status == "read";

        /// <summary>Written to the cache.</summary>
        public bool Written => Status == "written";
    }

    /// <summary>How many historical days a stress start's first block may start on: 1% of the pool, at least 20.</summary>
    private static int FirstBlockCount(HistoricalDays pool) => Math.Min(pool.Count, Math.Max(20, pool.Count / 100));

    /// <summary>
    /// The days a stress start's first block is drawn from (JSON <c>bootstrap.firstBlock</c>): how many, the range of
    /// their previous VIX closes and its median, whether that median is within 10% of the start, and the months they fall in, runs of months joined
    /// (e.g. <c>2008-10 to 2009-03, 2020-03</c>).
    /// </summary>
    private sealed record FirstBlock(int Days, double PreviousVixFrom, double PreviousVixTo, double PreviousVixMedian, bool Matched, string Episodes)
    {
        public static FirstBlock Of(HistoricalDays pool, int[] days, double start)
        {
            var vix = days.Select(k => Math.Exp(pool.PreviousLogVix[k])).Order().ToArray();
            double from = vix[0], to = vix[^1], median = vix.Length % 2 == 1 ? vix[vix.Length / 2] : (vix[vix.Length / 2 - 1] + vix[vix.Length / 2]) / 2;
            var months = days.Select(k => pool.Dates[k].Year * 12 + pool.Dates[k].Month - 1).Distinct().Order().ToList();
            var runs = new List<string>();
            for (int i = 0; i < months.Count;)
            {
                int j = i;
                while (j + 1 < months.Count && months[j + 1] == months[j] + 1) j++;
                static string M(int m) => $"{m / 12:D4}-{m % 12 + 1:D2}";
                runs.Add(i == j ? M(months[i]) : $"{M(months[i])} to {M(months[j])}");
                i = j + 1;
            }
            string episodes = runs.Count <= 8 ? string.Join(", ", runs) : string.Join(", ", runs.Take(8)) + $" and {runs.Count - 8} more";
            // Matched when the typical drawn day began within 10% of the start (history has few days above VIX 50).
            return new FirstBlock(days.Length, from, to, median, Math.Abs(median / start - 1) <= 0.1, episodes);
        }
    }
}
