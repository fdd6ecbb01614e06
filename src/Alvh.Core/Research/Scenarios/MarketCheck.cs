namespace Alvh.Research.Scenarios;

/// <summary>
/// The simulated markets against the history the generator drew from or was fitted to (JSON <c>marketCheck</c>): the
/// statistics of the whole history and of its windows as long as a path (one starting every <see cref="WindowStep"/>
/// days), their distribution over the paths, and a judgement. The reference is the windows' median when the history
/// holds at least two windows end to end (the whole history's value otherwise); a statistic differs when the share of
/// paths below the reference is outside [<see cref="LowShare"/>, 1 − <see cref="LowShare"/>] (the paths run
/// systematically above or below history) or the reference is outside the paths' 5–95% range. Judged from
/// <see cref="MinimumPaths"/> paths on (with fewer, a share is too noisy to say: <c>judged</c> false).
/// </summary>
public sealed record MarketCheck(DateOnly HistoryFrom, DateOnly HistoryTo, int HistoryDays, MarketStatistics History,
    int WindowDays, int WindowStepDays, int Windows, string Reference, IReadOnlyDictionary<string, Distribution> HistoryWindows,
    IReadOnlyDictionary<string, Distribution> Paths, IReadOnlyDictionary<string, double> PathsBelowReference, bool Judged, IReadOnlyList<string> DiffersFromHistory)
{
    /// <summary>Trading days between the starts of two historical windows (a month).</summary>
    public const int WindowStep = 21;

    /// <summary>Paths needed to judge (with 20, a share of 0.2 is about 2.7 standard errors from an even 0.5).</summary>
    public const int MinimumPaths = 20;

    /// <summary>The share of paths below the reference under which (or above 1 minus which) the paths run off history.</summary>
    public const double LowShare = 0.2;

    /// <summary>
    /// How near the reference (relative to its size, at least 1) a path's value counts as equal to it, half below. A
    /// bootstrap path replays history's days, so a statistic set by a few days takes history's very values up to rounding
    /// (a path's closes are levels and its returns their logs again): a block holding 2000-2002 whole has the drawdown that
    /// sets the windows' median on the shared data (-0.49146949838293774 against -0.49146949838293685), and one holding the
    /// VIX close that is the windows' median 95th percentile has it (33.59000000001892 against 33.59). With 200 10-year
    /// paths (seed 1) and blocks of 1,000 days, 19 drawdowns and 5 such percentiles were equal so, and counted below or
    /// above by their last bits (33.5% and 61.5% below, not 32.75% and 62.75%). History's distinct values differ by far
    /// more than 1e-9 (VIX closes by cents, falls by whole points).
    /// </summary>
    public const double TieTolerance = 1e-9;

    /// <summary>
    /// The judging rule's numbers (JSON <c>judgedBy</c>): <see cref="LowShare"/>, <see cref="MinimumPaths"/> and
    /// <see cref="TieTolerance"/>, so that a reader of montecarlo.json can apply the rule to its shares and percentiles
    /// without the source (the tie tolerance moved shares by up to 19 ties of 200 paths).
    /// </summary>
    public JudgingRule JudgedBy => new(LowShare, MinimumPaths, TieTolerance);

    /// <summary>Each statistic checked: its key (JSON <c>marketCheck</c>, paths.csv's <c>market.*</c> columns) and how it is read.</summary>
    public static IReadOnlyList<(string Key, Func<MarketStatistics, double> Value)> Statistics { get; } =
    [
        ("spxDrift", m => m.SpxDrift),
        ("realizedVolatility", m => m.RealizedVolatility),
        ("meanVix", m => m.MeanVix),
        ("vixPremium", m => m.VixPremium),
        ("returnVixCorrelation", m => m.ReturnVixCorrelation),
        ("crashDaysPerYear", m => m.CrashDaysPerYear),
        ("vixP95", m => m.VixP95),
        ("vixHalfLifeDays", m => m.VixHalfLifeDays),
        ("spxMaxDrawdown", m => m.SpxMaxDrawdown),
    ];

    /// <summary>Checks the paths' statistics against <paramref name="history"/>'s and its windows of <paramref name="windowDays"/> days.</summary>
    public static MarketCheck Of(HistoricalDays history, MarketStatistics[] paths, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(paths);
        var observed = MarketStatistics.Of(history);
        var windows = MarketStatistics.Windows(history, windowDays, WindowStep);
        bool byWindows = history.Count >= 2 * windowDays;
        bool judged = paths.Length >= MinimumPaths;
        var byWindow = new Dictionary<string, Distribution>();
        var distributions = new Dictionary<string, Distribution>();
        var below = new Dictionary<string, double>();
        var differs = new List<string>();
        foreach (var (key, value) in Statistics)
        {
            var values = paths.Select(value).Where(v => !double.IsNaN(v)).ToArray();
            var d = Distribution.Of(values);
            // Overlapping windows are not independent draws: their spread is shown, no interval of their median or mean.
            var w = Distribution.Of(windows.Select(value)) with { MedianCi = Interval.None, MeanCi = Interval.None };
            double reference = byWindows ? w.P50 : value(observed);
            double tie = TieTolerance * Math.Max(1, Math.Abs(reference));
            double share = values.Length == 0 || double.IsNaN(reference) ? double.NaN
                : (values.Count(v => v < reference - tie) + 0.5 * values.Count(v => Math.Abs(v - reference) <= tie)) / values.Length;
            distributions[key] = d;
            byWindow[key] = w;
            below[key] = share;
            bool offCentre = share < LowShare || share > 1 - LowShare;
            bool outside = !double.IsNaN(reference) && (reference < d.P5 - tie || reference > d.P95 + tie);
            if (judged && (offCentre || outside)) differs.Add(key);
        }
        return new MarketCheck(history.Dates[0], history.Dates[^1], history.Count, observed, windowDays, WindowStep, windows.Length,
            byWindows ? "windows" : "history", byWindow, distributions, below, judged, differs);
    }
}

/// <summary>The market check's judging rule (<see cref="MarketCheck.JudgedBy"/>).</summary>
/// <param name="LowShare">A statistic differs when fewer than this share of paths, or more than 1 minus it, fall below the reference.</param>
/// <param name="MinimumPaths">Paths needed to judge.</param>
/// <param name="TieTolerance">
/// How near the reference, relative to its size (at least 1), a path's value counts as equal to it (half below), and the
/// reference as inside the paths' 5–95% range when it lies that near the 5th or the 95th percentile.
/// </param>
public sealed record JudgingRule(double LowShare, int MinimumPaths, double TieTolerance);
