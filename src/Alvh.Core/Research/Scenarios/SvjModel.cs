using Alvh.MarketData;

namespace Alvh.Research.Scenarios;

/// <summary>
/// A Heston-type stochastic-volatility model with jumps (Bates 1996 with a variance jump, as in Duffie, Pan
/// &amp; Singleton 2000, kept simple), simulated daily with full truncation (Lord, Koekkoek &amp; van Dijk 2010:
/// v may go below 0, and v⁺ = max(v, 0) drives both drift and diffusion):
/// ln S_{t+1} = ln S_t + μ_d − ½ v⁺_t Δ + √(v⁺_t Δ) z₁ + J·N, v_{t+1} = v_t + κ(θ − v⁺_t)Δ + ξ√(v⁺_t Δ) z₂ + Jv·N,
/// corr(z₁, z₂) = ρ, N ~ Bernoulli(λΔ), J ~ Normal(μJ, σJ), Jv ~ Exponential(mean); Δ = 1/252;
/// μ_d = drift + ½(θ + λE[Jv]/κ)Δ − λΔμJ, so that the mean daily log return is the drift (θ + λE[Jv]/κ is v's long-run mean).
/// VIX-type indices are √(premium · expected average variance over their horizon):
/// E[v̄_τ] = θ + (v⁺ − θ)g(τ) + λ(μJ² + σJ²), g(τ) = (1 − e^{−κτ})/(κτ), τ = 9, 30, 93, 186 calendar days; so the
/// 30-day index never falls below 100·√(premium·(θ(1 − g) + λ(μJ² + σJ²))), its value at v = 0.
/// The day splits at the open: a fifth of its diffusion happens overnight (the gap; SPX's open-to-close variance is
/// about 0.77 of its close-to-close since 2000, and the gap's correlation with the day's return 0.52) and the jump,
/// when there is one, comes overnight with the news; the rest of the diffusion happens in the session.
/// </summary>
public sealed class SvjModel(SvjParameters parameters, ScenarioAnchor anchor)
{
    private const double Step = 1.0 / 252;

    /// <summary>
    /// Share of a day's diffusive variance that happens overnight, in the open's gap (the rest in the session); a jump
    /// comes overnight too. SPX since 2000: open-to-close variance about 0.77 of close-to-close, gap-to-day correlation 0.52.
    /// </summary>
    public const double OvernightShare = 0.2;

    /// <summary>The parameters.</summary>
    public SvjParameters Parameters { get; } = parameters;

    // g(τ) of the four indices, once per model (four exponentials a simulated day were a quarter of a path's cost).
    private readonly double _g9 = G(parameters.Kappa, 9), _g30 = G(parameters.Kappa, 30), _g93 = G(parameters.Kappa, 93), _g186 = G(parameters.Kappa, 186);

    /// <summary>
    /// The lowest 30-day index the model can show: its value at zero variance, √(premium (θ(1 − g) + λ(μJ² + σJ²))).
    /// A path cannot start below it (the starting variance is floored).
    /// </summary>
    public double MinimumVix
    {
        get
        {
            var p = Parameters;
            return Index(0, _g30, p.JumpsPerYear * (p.JumpMean * p.JumpMean + p.JumpStd * p.JumpStd));
        }
    }

    /// <summary>
    /// Fits the model by moments on the history (days with an S&amp;P 500 and VIX close on or after
    /// <paramref name="from"/>): variance dynamics from an AR(1) of daily VIX² (κ = −252 ln b, level a/(1−b),
    /// ξ from the residual spread), the variance risk premium as mean VIX² over realised variance, jumps as
    /// days whose return exceeds 4 daily standard deviations of the diffusion, ρ from the non-jump days. A change of
    /// VIX² is premium · g · Δv (g = g(30 days) above), so the residual spread and the variance jumps are divided by
    /// premium · g to give ξ and the variance jump in v's units. The diffusion's variance is the previous VIX² over
    /// the premium (the model's VIX² is the premium times the expected variance; its jump term, about 4% of θ on
    /// 1990-2026, and the mean reversion over 30 days are left aside here); with VIX² itself (the premium left in)
    /// the threshold stood at about 4.6 of the model's standard deviations, and on five simulated 120-year histories
    /// (λ 0.2/y, μJ −5%) found λ 0.12/y of −6.7% on average, against 0.14/y of −5.8% now. The 4-sigma threshold still sees only the largest jumps:
    /// their count and size are those of the tail that history shows (8 such days since 1990), not of smaller jumps.
    /// </summary>
    public static SvjParameters Fit(MarketDataSet data, DateOnly? from = null)
    {
        var pool = HistoricalDays.From(data, from);
        int n = pool.Count;
        var v = new double[n];
        for (int k = 0; k < n; k++) v[k] = Math.Exp(2 * (pool.PreviousLogVix[k] + pool.VixChange[k])) / 1e4;
        // AR(1) of VIX² on consecutive pool days.
        double mx = 0, my = 0;
        int m = n - 1;
        for (int k = 0; k < m; k++) { mx += v[k]; my += v[k + 1]; }
        mx /= m; my /= m;
        double sxy = 0, sxx = 0;
        for (int k = 0; k < m; k++) { sxy += (v[k] - mx) * (v[k + 1] - my); sxx += (v[k] - mx) * (v[k] - mx); }
        double b = sxy / sxx, a = my - b * mx;
        double residual = 0;
        for (int k = 0; k < m; k++) { double e = v[k + 1] - a - b * v[k]; residual += e * e; }
        double residualStd = Math.Sqrt(residual / (m - 2));
        double kappa = -Math.Log(b) * 252, levelQ = a / (1 - b);
        double meanV = v.Average();
        double meanR = pool.SpxReturn.Average();
        double realised = pool.SpxReturn.Select(r => (r - meanR) * (r - meanR)).Sum() / (n - 1) * 252;
        double premium = meanV / realised;
        // VIX² moves by premium · g · Δv (the 30-day index averages the variance's expected path).
        double g = G(kappa, 30);
        // Jumps: |r| > 4 daily standard deviations of the diffusion, whose variance is the previous VIX² over the premium.
        var jumps = new List<double>();
        var jumpVariance = new List<double>();
        double sr = 0, sv = 0, srr = 0, svv = 0, srv = 0;
        int calm = 0;
        for (int k = 1; k < n; k++)
        {
            double sd = Math.Exp(pool.PreviousLogVix[k]) / 100 / Math.Sqrt(252 * premium);
            double r = pool.SpxReturn[k], dv = (v[k] - v[k - 1]) / (premium * g);
            if (Math.Abs(r - meanR) > 4 * sd)
            {
                jumps.Add(r);
                jumpVariance.Add(Math.Max(0, dv));
                continue;
            }
            sr += r; sv += dv; srr += r * r; svv += dv * dv; srv += r * dv; calm++;
        }
        double rho = (srv - sr * sv / calm) / Math.Sqrt((srr - sr * sr / calm) * (svv - sv * sv / calm));
        double years = n / 252.0;
        double jumpMean = jumps.Count > 0 ? jumps.Average() : 0;
        double jumpStd = jumps.Count > 1 ? Math.Sqrt(jumps.Sum(j => (j - jumpMean) * (j - jumpMean)) / (jumps.Count - 1)) : 0;
        double lambda = jumps.Count / years;
        double theta = Math.Max(1e-4, levelQ / premium - lambda * (jumpMean * jumpMean + jumpStd * jumpStd));
        double xi = residualStd / Math.Sqrt(meanV * Step) / Math.Sqrt(premium) / g;
        return new SvjParameters(meanR, kappa, theta, xi, rho, lambda, jumpMean, jumpStd, jumpVariance.Count > 0 ? jumpVariance.Average() : 0, premium);
    }

    /// <summary>Trading days of the history's windows the calibration matches by default (ten years); never more than half the history.</summary>
    public const int CalibrationDays = 2520;

    /// <summary>
    /// Simulated paths of <see cref="CalibrationDays"/> the calibration measures each candidate on (the same seeds for every
    /// candidate); shorter windows get proportionally more paths, so each candidate costs about the same simulated days.
    /// </summary>
    public const int CalibrationPaths = 24;

    /// <summary>The user-independent seed of the calibration's paths.</summary>
    private const int CalibrationSeed = 20_261_127;

    /// <summary>Restarts of the simplex from its best point (the objective, a median over paths, has kinks a single run can stall on).</summary>
    private const int CalibrationRestarts = 4;

    /// <summary>The calibration's upper bound on κ, a year (a day's half-life).</summary>
    public const double MaxKappa = 252;

    /// <summary>The calibration's upper bound on ξ.</summary>
    public const double MaxXi = 20;

    /// <summary>The calibration's bound on |ρ| (a correlation of ±1 leaves the variance no shock of its own).</summary>
    public const double MaxAbsRho = 0.99;

    /// <summary>The calibration's lower bound on θ (a long-run volatility of 1%).</summary>
    public const double MinTheta = 1e-4;

    /// <summary>The calibration's upper bound on θ (a long-run volatility of 100%).</summary>
    public const double MaxTheta = 1;

    /// <summary>The calibration's lower bound on the variance risk premium (VIX² / expected variance).</summary>
    public const double MinPremium = 0.5;

    /// <summary>The calibration's upper bound on the variance risk premium.</summary>
    public const double MaxPremium = 4;

    /// <summary>A scaled squared distance below which the calibration counts as matching its targets (the five features within about 0.4 of a windows' spread each).</summary>
    public const double CalibrationMatched = 0.75;

    /// <summary>
    /// Fits the model by moments (<see cref="Fit"/>), then re-fits κ, ξ, ρ, θ and the variance risk premium by simulated
    /// moments (D. McFadden, Econometrica 57 (1989) 995–1026; D. Duffie and K. Singleton, Econometrica 61 (1993) 929–952):
    /// the values whose simulated paths match the median, over the history's windows of <paramref name="windowDays"/>
    /// trading days a month apart (the paths' length; at most half the history), of five features
    /// (<see cref="MarketStatistics"/>) — the VIX's half-life, the correlation of daily S&amp;P 500 returns with VIX
    /// changes, the VIX's 95th percentile, mean VIX and the VIX's premium over the next 21 days' realised volatility —
    /// each distance scaled by the windows' own spread. Nelder–Mead from the moment values, restarted from its best point
    /// until it stops improving, on paths with fixed seeds (deterministic), within κ ≤ 252 a year, ξ ≤ 20, |ρ| ≤ 0.99,
    /// θ in [10⁻⁴, 1], premium in [0.5, 4] (a candidate outside, or whose paths cannot be measured, is worst). The variance
    /// jump is rescaled by premium·g(κ) so a jump moves VIX² as much as history's did; the return jumps and the drift keep
    /// their moment values.
    /// Why: a one-factor model fitted by daily moments reverts as fast as the VIX's spikes do (κ 9.4 a year on 1990–2026, a
    /// VIX half-life of 13 days against 41 on history's 10-year windows) and, with its variance floored at 0, moves VIX with
    /// returns less than history (−0.57 against −0.75), while the hedge lives on how long VIX stays up and how surely it
    /// rises when the index falls; with κ, ξ and ρ alone the paths' VIX premium fell to 3.3 against 3.6, which the
    /// condor lives on. One factor cannot match the half-life at every horizon: the match holds for paths as long as the
    /// windows.
    /// </summary>
    /// <param name="data">The history.</param>
    /// <param name="from">First historical day used.</param>
    /// <param name="windowDays">Length of the matched windows, trading days (the paths' returns); capped at half the history.</param>
    /// <param name="threads">Parallel paths (−1: all cores).</param>
    /// <param name="start">Where the search starts (null: the moment fit); for tests.</param>
    public static SvjCalibration Calibrate(MarketDataSet data, DateOnly? from = null, int windowDays = CalibrationDays, int threads = -1, SvjParameters? start = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, 42);
        var moments = Fit(data, from);
        var pool = HistoricalDays.From(data, from);
        windowDays = Math.Min(windowDays, pool.Count / 2);
        var windows = MarketStatistics.Windows(pool, windowDays, 21);
        var targets = SvjFeatures.Median(windows);
        // The windows' spread as a standard deviation ((p95 − p5) / 3.29 for a normal), floored for a history of few windows.
        double Scale(Func<MarketStatistics, double> feature, double floor)
        {
            var d = Distribution.Of(windows.Select(feature));
            return Math.Max(floor, double.IsNaN(d.P95 - d.P5) ? floor : (d.P95 - d.P5) / 3.29);
        }
        var scales = new SvjFeatures(Scale(w => w.VixHalfLifeDays, 2), Scale(w => w.ReturnVixCorrelation, 0.01), Scale(w => w.VixP95, 1),
            Scale(w => w.MeanVix, 0.2), Scale(w => w.VixPremium, 0.1));
        double startVix = Distribution.Of(windows.Select(w => w.MeanVix)).P50;
        var anchor = new ScenarioAnchor(pool.Dates[^1], 100, startVix, 0, 0, startVix, 1, 0, 1);
        var days = new DateOnly[windowDays + 1];
        for (int i = 0; i < days.Length; i++) days[i] = DateOnly.FromDayNumber(pool.Dates[^1].DayNumber + 1 + i);
        int paths = Math.Min(10 * CalibrationPaths, CalibrationPaths * Math.Max(1, (int)Math.Round((double)CalibrationDays / windowDays)));
        double gMoments = G(moments.Kappa, 30);
        SvjParameters With(double kappa, double xi, double rho, double theta, double premium) => moments with
        {
            Kappa = kappa,
            Xi = xi,
            Rho = rho,
            Theta = theta,
            VarianceRiskPremium = premium,
            // The variance jump in v's units for this κ and premium: history's jumps moved VIX² by premium · g(κ) · Jv.
            VarianceJump = moments.VarianceJump * moments.VarianceRiskPremium * gMoments / (premium * G(kappa, 30)),
        };
        SvjParameters? At(double[] x)
        {
            double kappa = Math.Exp(x[0]), xi = Math.Exp(x[1]), rho = Math.Tanh(x[2]), theta = Math.Exp(x[3]), premium = Math.Exp(x[4]);
            return kappa <= MaxKappa && xi <= MaxXi && Math.Abs(rho) <= MaxAbsRho && theta is >= MinTheta and <= MaxTheta && premium is >= MinPremium and <= MaxPremium
                ? With(kappa, xi, rho, theta, premium) : null;
        }
        SvjFeatures? Simulate(SvjParameters p)
        {
            var model = new SvjModel(p, anchor);
            var stats = new MarketStatistics[paths];
            try
            {
                Parallel.For(0, paths, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => stats[i] = model.Statistics(days, Seeds.Derive(CalibrationSeed, i)));
            }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is ArgumentException))
            {
                return null; // a candidate whose closes leave the doubles (0, NaN, infinity): worst
            }
            return SvjFeatures.Median(stats);
        }
        double Distance(SvjFeatures? f) => f is null ? double.PositiveInfinity :
            Square((f.VixHalfLifeDays - targets.VixHalfLifeDays) / scales.VixHalfLifeDays)
            + Square((f.ReturnVixCorrelation - targets.ReturnVixCorrelation) / scales.ReturnVixCorrelation)
            + Square((f.VixP95 - targets.VixP95) / scales.VixP95)
            + Square((f.MeanVix - targets.MeanVix) / scales.MeanVix)
            + Square((f.VixPremium - targets.VixPremium) / scales.VixPremium);
        double Objective(double[] x) => At(x) is { } p ? Distance(Simulate(p)) : double.PositiveInfinity;
        static double[] Point(SvjParameters p) => [Math.Log(Math.Clamp(p.Kappa, 0.1, 252)), Math.Log(Math.Clamp(p.Xi, 1e-3, 20)), Math.Atanh(Math.Clamp(p.Rho, -0.99, 0.99)),
            Math.Log(Math.Clamp(p.Theta, 1e-4, 1)), Math.Log(Math.Clamp(p.VarianceRiskPremium, 0.5, 4))];
        var atMoments = Simulate(moments) ?? SvjFeatures.None;
        int evaluations = 0, runs = 0;
        // Nelder-Mead from a start, restarted from its best point until it stops improving.
        (double[] Point, double Value) Search(double[] from)
        {
            double[] best = from;
            double bestValue = double.PositiveInfinity;
            for (int run = 0; run <= CalibrationRestarts; run++)
            {
                var (point, value, used) = NelderMead.Minimize(Objective, best, step: 0.3, tolerance: 1e-4, maxEvaluations: 300);
                evaluations += used;
                runs++;
                bool improved = value < bestValue - 1e-3;
                if (value < bestValue) (best, bestValue) = (point, value);
                if (!improved) break;
            }
            return (best, bestValue);
        }
        var (bestPoint, bestDistance) = Search(Point(start ?? moments));
        if (start is null && !(bestDistance < CalibrationMatched))
        {
            // From the moment fit's fast reversion the simplex can settle on a fast, high-ξ solution (2000–2026, 10 years:
            // distance 4.5): a second start at the κ the target half-life implies (ln 2 · 252 / half-life for log VIX), ξ
            // scaled to keep the variance's stationary spread (ξ²/κ), ρ −0.9; the better of the two is kept.
            double kappa = Math.Clamp(Math.Log(2) * 252 / Math.Max(1, targets.VixHalfLifeDays), 0.5, 100);
            var second = Search(Point(moments with { Kappa = kappa, Xi = moments.Xi * Math.Sqrt(kappa / moments.Kappa), Rho = -0.9 }));
            if (second.Value < bestDistance) (bestPoint, bestDistance) = second;
        }
        var calibrated = At(bestPoint) ?? moments;
        var achieved = Simulate(calibrated) ?? SvjFeatures.None;
        return new SvjCalibration(moments, calibrated, windowDays, windows.Length, paths, targets, scales, atMoments, Distance(atMoments), achieved, Distance(achieved), evaluations, runs);
    }

    private static double Square(double x) => x * x;

    /// <summary>Simulates one path on <paramref name="days"/> from the generator seeded with <paramref name="seed"/>.</summary>
    public ScenarioPath Generate(DateOnly[] days, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(days);
        var path = new ScenarioPath(days);
        Simulate(days.Length, seed, path, path.SpxClose, path.VixClose);
        return path;
    }

    /// <summary>
    /// The market statistics of the path <see cref="Generate"/> makes from <paramref name="seed"/>, to the bit, without the
    /// path: its S&amp;P 500 and VIX closes only (the same random draws, the other columns not computed). What the
    /// calibration measures each candidate by.
    /// </summary>
    public MarketStatistics Statistics(DateOnly[] days, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(days);
        var pool = System.Buffers.ArrayPool<double>.Shared;
        double[] spx = pool.Rent(days.Length), vix = pool.Rent(days.Length);
        try
        {
            Simulate(days.Length, seed, null, spx, vix);
            return MarketStatistics.OfCloses(spx.AsSpan(0, days.Length), vix.AsSpan(0, days.Length), days);
        }
        finally
        {
            pool.Return(spx);
            pool.Return(vix);
        }
    }

    /// <summary>
    /// The simulation: writes the S&amp;P 500 and VIX closes of <paramref name="count"/> days, and with
    /// <paramref name="path"/> every other column too. Without it, the draws of the columns not written are still taken
    /// (the same stream of random numbers, so the same closes).
    /// </summary>
    private void Simulate(int count, ulong seed, ScenarioPath? path, Span<double> spxClose, Span<double> vixClose)
    {
        var p = Parameters;
        var random = new Xoshiro256StarStar(seed);
        bool full = path is not null;
        double jumpVar = p.JumpsPerYear * (p.JumpMean * p.JumpMean + p.JumpStd * p.JumpStd);
        // The starting variance whose 30-day index is the anchor's VIX: VIX² = premium (θ + (v − θ) g + jumps).
        double v = Math.Max(1e-4, p.Theta + (Math.Pow(anchor.Vix / 100, 2) / p.VarianceRiskPremium - jumpVar - p.Theta) / _g30);
        double spx = anchor.Spx, previousVix = anchor.Vix;
        // The convexity term −½v⁺Δ averages −½E[v]Δ, and the variance's long-run mean is θ + λE[Jv]/κ (its reversion
        // balances the variance jumps), not θ: compensated by θ alone, the paths' mean log return fell short of the drift by
        // ½λE[Jv]/κ a year (0.27% on 1990–2026's calibration).
        double longRunVariance = p.Theta + (p.Kappa > 0 ? p.JumpsPerYear * p.VarianceJump / p.Kappa : 0);
        double drift = p.Drift + 0.5 * longRunVariance * Step - p.JumpsPerYear * Step * p.JumpMean;
        double orthogonal = Math.Sqrt(1 - p.Rho * p.Rho);
        double overnight = Math.Sqrt(OvernightShare), session = Math.Sqrt(1 - OvernightShare);
        for (int t = 0; t < count; t++)
        {
            // The day's return shock z₁ is its overnight and session parts: z₁ = √0.2 z_gap + √0.8 z_session.
            double zGap = Normal(random), zSession = Normal(random);
            double z1 = overnight * zGap + session * zSession, z2 = p.Rho * z1 + orthogonal * Normal(random);
            double vPos = Math.Max(v, 0), sd = Math.Sqrt(vPos * Step);
            double jump = 0, varianceJump = 0;
            if (random.NextDouble() < p.JumpsPerYear * Step)
            {
                jump = p.JumpMean + p.JumpStd * Normal(random);
                varianceJump = -p.VarianceJump * Math.Log(1 - random.NextDouble());
            }
            double logReturn = drift - 0.5 * vPos * Step + sd * z1 + jump;
            double close = spx * Math.Exp(logReturn);
            spxClose[t] = close;
            if (full)
            {
                double gap = overnight * sd * zGap + jump;
                double open = spx * Math.Exp(gap);
                path!.SourceDays[t] = -1;
                path.SpxOpen[t] = open;
                // The range adds a quarter sd each side.
                path.SpxHigh[t] = Math.Max(open, close) * Math.Exp(0.25 * sd * Math.Abs(Normal(random)));
                path.SpxLow[t] = Math.Min(open, close) * Math.Exp(-0.25 * sd * Math.Abs(Normal(random)));
            }
            else
            {
                // The range's two normal variates, drawn and not used.
                SkipNormal(random);
                SkipNormal(random);
            }
            v = v + p.Kappa * (p.Theta - vPos) * Step + p.Xi * Math.Sqrt(vPos * Step) * z2 + varianceJump;
            double vix = Index(v, _g30, jumpVar);
            vixClose[t] = vix;
            if (full)
            {
                path!.VixOpen[t] = Math.Sqrt(previousVix * vix);
                path.Vix9d[t] = Index(v, _g9, jumpVar);
                path.Vix3m[t] = Index(v, _g93, jumpVar);
                path.Vix6m[t] = Index(v, _g186, jumpVar);
                path.Vvix[t] = anchor.VvixIntercept + anchor.VvixSlope * vix;
            }
            spx = close;
            previousVix = vix;
        }
    }

    /// <summary>g(τ) = (1 − e^{−κτ})/(κτ): the share of the variance's distance from θ that an index over τ calendar days sees.</summary>
    private static double G(double kappa, double calendarDays)
    {
        double kt = kappa * calendarDays / 365.0;
        return (1 - Math.Exp(-kt)) / kt;
    }

    /// <summary>The index over the horizon whose g(τ) is <paramref name="g"/>, at variance <paramref name="v"/>.</summary>
    private double Index(double v, double g, double jumpVariance)
    {
        var p = Parameters;
        double expected = p.Theta + (Math.Max(v, 0) - p.Theta) * g + jumpVariance;
        return 100 * Math.Sqrt(p.VarianceRiskPremium * expected);
    }

    /// <summary>Takes from <paramref name="random"/> what <see cref="Normal"/> takes (two uniforms), without the variate.</summary>
    private static void SkipNormal(Xoshiro256StarStar random)
    {
        random.NextDouble();
        random.NextDouble();
    }

    private static double Normal(Xoshiro256StarStar random)
    {
        // Box–Muller, one variate per call (simple and deterministic for a seed).
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
