using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Alvh.MarketData;

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

    /// <summary>
    /// The calibrated parameters (kappa, xi, rho, theta, premium) within 0.2% of a bound of the search (<see cref="SvjModel.MaxKappa"/>
    /// and the others): there history's windows asked for more than the model reaches, and the fit is the nearest the
    /// bound allows (from 2000 with 10-year paths, ρ settles at −0.9897 against the bound of 0.99).
    /// </summary>
    public IReadOnlyList<string> ParametersAtBounds
    {
        get
        {
            const double near = 0.002;
            var p = Parameters;
            var at = new List<string>();
            if (p.Kappa >= SvjModel.MaxKappa * (1 - near)) at.Add("kappa");
            if (p.Xi >= SvjModel.MaxXi * (1 - near)) at.Add("xi");
            if (Math.Abs(p.Rho) >= SvjModel.MaxAbsRho * (1 - near)) at.Add("rho");
            if (p.Theta <= SvjModel.MinTheta * (1 + near) || p.Theta >= SvjModel.MaxTheta * (1 - near)) at.Add("theta");
            if (p.VarianceRiskPremium <= SvjModel.MinPremium * (1 + near) || p.VarianceRiskPremium >= SvjModel.MaxPremium * (1 - near)) at.Add("premium");
            return at;
        }
    }

    /// <summary>
    /// The build of this library and the runtime and platform it runs on (its module version id, which a deterministic
    /// build changes with the code, then the framework, runtime identifier and process architecture): what a calibration
    /// depends on beyond its inputs, hashed into <see cref="Key"/>. A cache stores it beside each calibration, so that it
    /// can tell the calibrations only another build can read.
    /// </summary>
    public static string Build { get; } = string.Join('|', typeof(SvjModel).Assembly.ManifestModule.ModuleVersionId.ToString("N"),
        RuntimeInformation.FrameworkDescription, RuntimeInformation.RuntimeIdentifier, RuntimeInformation.ProcessArchitecture.ToString());

    /// <summary>
    /// What <see cref="SvjModel.Calibrate"/> would calibrate from <paramref name="data"/>, <paramref name="from"/> and
    /// <paramref name="windowDays"/> (with its default start), as a SHA-256 in hex: the moment fit and the pool's days to
    /// the bit, the windows' length as capped, and <see cref="Build"/> (the calibration's seeds, paths, bounds and search
    /// are code; the exponentials, logarithms and cosines of the simulation come from the runtime and platform). Equal keys give
    /// equal calibrations, for any thread count; a cache of calibrations (<c>alvh montecarlo</c>'s) is read by it.
    /// </summary>
    public static string Key(MarketDataSet data, DateOnly? from = null, int windowDays = SvjModel.CalibrationDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, 42);
        var moments = SvjModel.Fit(data, from);
        var pool = HistoricalDays.From(data, from);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // The values' bytes as they lie in memory (the key is this platform's: its runtime is hashed too); each array
        // after its length, so two pools cannot run into each other.
        void Add<T>(ReadOnlySpan<T> values) where T : unmanaged
        {
            hash.AppendData(BitConverter.GetBytes(values.Length));
            hash.AppendData(MemoryMarshal.AsBytes(values));
        }
        hash.AppendData("alvh svj calibration 3"u8);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Build));
        Add<int>([Math.Min(windowDays, pool.Count / 2)]);
        Add<double>([moments.Drift, moments.Kappa, moments.Theta, moments.Xi, moments.Rho, moments.JumpsPerYear, moments.JumpMean, moments.JumpStd, moments.VarianceJump, moments.VarianceRiskPremium]);
        Add<DateOnly>(pool.Dates);
        foreach (var column in pool.Columns) Add<double>(column);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
