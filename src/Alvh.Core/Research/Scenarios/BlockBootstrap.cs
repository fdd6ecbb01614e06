namespace Alvh.Research.Scenarios;

/// <summary>
/// Stationary block bootstrap of whole historical days (D. N. Politis and J. P. Romano, "The Stationary
/// Bootstrap", JASA 89(428), 1994): each simulated day continues the current block with the next historical
/// day (circularly), or with probability 1 / <see cref="MeanBlockDays"/> starts a new block at a uniformly
/// drawn day. A day brings all its moves together — S&amp;P 500 return, open gap and range, VIX change and
/// open gap, term-structure ratios — so the S&amp;P 500 and the VIX complex move together as they did.
/// </summary>
/// <remarks>
/// Log VIX changes summed over years drift without bound (a random walk). The path's log VIX is
/// therefore pulled towards the historical level the drawn day started from:
/// x_t = x_{t−1} + ΔlnVIX(src) − <see cref="VixReversion"/> · (x_{t−1} − lnVIX_prev(src)), which keeps VIX
/// stationary, leaves the day's own move intact when the path sits at the historical level, and smooths
/// the jumps between blocks (half-life ln 2 / 0.05 ≈ 14 trading days).
/// </remarks>
public sealed class BlockBootstrap(HistoricalDays pool, ScenarioAnchor anchor)
{
    private double? _meanBlockDays;

    /// <summary>
    /// Mean block length, trading days (at least 1). Default: the length Politis and White's rule picks for the pool's
    /// squared S&amp;P 500 returns (<see cref="AutomaticBlockDays"/>), the realised variance that options are paid on:
    /// blocks long enough to keep its clustering (175 days on 1990–2026; 143 from 2000, 71 from 2011). The daily returns
    /// alone would ask for 8 and the VIX changes for 26: a short block keeps their own dependence but mixes calm and
    /// stormy stretches, so volatility regimes lasted weeks instead of months (a VIX half-life of 20 trading days on
    /// 10-year paths with blocks of 20, against 41 on history's 10-year windows; 20 was the default until 2026-11-27).
    /// Worked out on first use when not set.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below 1 or not finite.</exception>
    public double MeanBlockDays
    {
        get => _meanBlockDays ??= AutomaticBlockDays(Pool);
        init => _meanBlockDays = value >= 1 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(MeanBlockDays), value, "a mean block of at least 1 day");
    }

    /// <summary>Daily pull of log VIX towards the drawn day's historical level (fraction of the gap per day).</summary>
    public double VixReversion { get; init; } = 0.05;

    /// <summary>The pool.</summary>
    public HistoricalDays Pool { get; } = pool;

    /// <summary>
    /// The pool days a path's first block may start on (null: any day). A path that starts at a VIX far from the last
    /// close's (a stress start) draws its first day among the days that began at about that VIX
    /// (<see cref="HistoricalDays.NearestVix"/>), so its first weeks move as the market did from there; later blocks
    /// start anywhere, and the path returns to the history's mix as blocks restart (after <see cref="MeanBlockDays"/> on
    /// average) and the VIX's pull to the drawn days' levels acts (half-life 14 days).
    /// </summary>
    public int[]? FirstBlockDays { get; init; }

    /// <summary>The stationary bootstrap's mean block for the squared S&amp;P 500 returns of <paramref name="pool"/> (<see cref="BlockLength.StationaryBootstrap"/>).</summary>
    public static double AutomaticBlockDays(HistoricalDays pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var squares = new double[pool.Count];
        for (int k = 0; k < squares.Length; k++) squares[k] = pool.SpxReturn[k] * pool.SpxReturn[k];
        return squares.Length < 8 ? 1 : BlockLength.StationaryBootstrap(squares);
    }

    /// <summary>Simulates one path on <paramref name="days"/> from the generator seeded with <paramref name="seed"/>.</summary>
    public ScenarioPath Generate(DateOnly[] days, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (Pool.Count < 2) throw new InvalidOperationException("the bootstrap pool has fewer than two days");
        var random = new Xoshiro256StarStar(seed);
        var path = new ScenarioPath(days);
        double spx = anchor.Spx, logVix = Math.Log(anchor.Vix);
        int src = FirstBlockDays is { Length: > 0 } first ? first[random.NextInt(first.Length)] : random.NextInt(Pool.Count);
        double restart = 1.0 / MeanBlockDays;
        for (int t = 0; t < days.Length; t++)
        {
            if (t > 0) src = random.NextDouble() < restart ? random.NextInt(Pool.Count) : (src + 1) % Pool.Count;
            path.SourceDays[t] = src;
            double open = spx * Math.Exp(Pool.SpxOpenGap[src]);
            double close = spx * Math.Exp(Pool.SpxReturn[src]);
            path.SpxOpen[t] = open;
            path.SpxClose[t] = close;
            path.SpxHigh[t] = Math.Max(open, close) * Math.Exp(Pool.SpxHighExcursion[src]);
            path.SpxLow[t] = Math.Min(open, close) * Math.Exp(Pool.SpxLowExcursion[src]);
            double previousVix = Math.Exp(logVix);
            logVix += Pool.VixChange[src] - VixReversion * (logVix - Pool.PreviousLogVix[src]);
            double vix = Math.Exp(logVix);
            path.VixOpen[t] = previousVix * Math.Exp(Pool.VixOpenGap[src]);
            path.VixClose[t] = vix;
            path.Vix9d[t] = vix * Pool.Ratio9d[src];
            path.Vix3m[t] = vix * Pool.Ratio3m[src];
            path.Vix6m[t] = vix * Pool.Ratio6m[src];
            double ratio = Pool.RatioVvix[src];
            path.Vvix[t] = double.IsNaN(ratio) ? anchor.VvixIntercept + anchor.VvixSlope * vix : vix * ratio;
            spx = close;
        }
        return path;
    }
}
