namespace Alvh.Research.Scenarios;

/// <summary>The five features the SVJ's simulated-moments step matches (<see cref="SvjModel.Calibrate"/>).</summary>
/// <param name="VixHalfLifeDays">Half-life of log VIX's moves, trading days.</param>
/// <param name="ReturnVixCorrelation">Correlation of daily S&amp;P 500 log returns with daily changes of log VIX.</param>
/// <param name="VixP95">95th percentile of the VIX closes, points.</param>
/// <param name="MeanVix">Mean VIX close, points.</param>
/// <param name="VixPremium">Mean VIX minus the next 21 days' realised volatility, points.</param>
public sealed record SvjFeatures(double VixHalfLifeDays, double ReturnVixCorrelation, double VixP95, double MeanVix, double VixPremium)
{
    /// <summary>Features not measured.</summary>
    public static SvjFeatures None { get; } = new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>The median of each feature over <paramref name="stats"/>.</summary>
    public static SvjFeatures Median(IReadOnlyList<MarketStatistics> stats) => new(
        Distribution.Of(stats.Select(m => m.VixHalfLifeDays)).P50, Distribution.Of(stats.Select(m => m.ReturnVixCorrelation)).P50,
        Distribution.Of(stats.Select(m => m.VixP95)).P50, Distribution.Of(stats.Select(m => m.MeanVix)).P50, Distribution.Of(stats.Select(m => m.VixPremium)).P50);
}

/// <summary>The SVJ's fit: moments, then κ, ξ, ρ, θ and the premium by simulated moments (<see cref="SvjModel.Calibrate"/>).</summary>
/// <param name="Moments">The moment fit (<see cref="SvjModel.Fit"/>).</param>
/// <param name="Parameters">The parameters the paths use: the moment fit with the calibrated κ, ξ, ρ, θ and premium, and the variance jump rescaled with κ and the premium.</param>
/// <param name="WindowDays">Trading days of the history's windows matched.</param>
/// <param name="Windows">Windows, a month apart.</param>
/// <param name="Paths">Simulated paths per candidate.</param>
/// <param name="Targets">The windows' median features.</param>
/// <param name="Scales">The windows' spread of each feature (the distance's units).</param>
/// <param name="AtMoments">The simulated paths' median features under the moment fit.</param>
/// <param name="DistanceAtMoments">Its scaled squared distance from the targets.</param>
/// <param name="Achieved">The simulated paths' median features under the calibrated parameters (on the calibration's own paths).</param>
/// <param name="Distance">Its scaled squared distance from the targets.</param>
/// <param name="Evaluations">Candidates simulated.</param>
/// <param name="Runs">Simplex runs (each search's first and its restarts from the best point; a second search from the half-life's κ when the first misses).</param>
public sealed record SvjCalibration(SvjParameters Moments, SvjParameters Parameters, int WindowDays, int Windows, int Paths, SvjFeatures Targets, SvjFeatures Scales,
    SvjFeatures AtMoments, double DistanceAtMoments, SvjFeatures Achieved, double Distance, int Evaluations, int Runs)
{
    /// <summary>True when the calibrated paths are within <see cref="SvjModel.CalibrationMatched"/> of the targets.</summary>
    public bool Matched => Distance < SvjModel.CalibrationMatched;
}
