using System.Text.Json;
using System.Text.Json.Serialization;
using Alvh.Data.Output;
using Alvh.Research.Scenarios;

namespace Alvh.Data.Research;

/// <summary>A calibration read from the cache, with the seconds it took when it was made.</summary>
/// <param name="Calibration">The calibration, to the bit as it was made.</param>
/// <param name="Seconds">Seconds the calibration took when it was made.</param>
/// <param name="File">The file it was read from.</param>
public sealed record CachedSvjCalibration(SvjCalibration Calibration, double Seconds, string File);

/// <summary>
/// A folder of SVJ calibrations (<see cref="SvjModel.Calibrate"/>), one JSON file per key
/// (<see cref="SvjCalibration.Key"/>): a calibration costs 3-7 s and depends only on what the key hashes, so a second
/// run on the same history, pool start and path length reads it back instead, to the bit (doubles round-trip).
/// </summary>
/// <remarks>
/// Written atomically (a temporary file and a rename), so two runs calibrating at once each leave a whole file. A file
/// that cannot be read as the key's calibration is a problem the caller reports before calibrating again; it is never
/// used, and the new calibration replaces it.
/// </remarks>
public sealed class SvjCalibrationCache(string folder)
{
    /// <summary>The environment variable naming the cache folder.</summary>
    public const string EnvironmentVariable = "ALVH_CACHE";

    private const int Format = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        // A field left out must not read as 0 (a calibration with rho 0 and no jumps would be used as if whole), nor a
        // field given twice as its last value.
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        AllowDuplicateProperties = false,
    };

    /// <summary>The folder.</summary>
    public string Folder { get; } = folder;

    /// <summary>
    /// The default folder: <c>ALVH_CACHE</c> (a relative one is the caller's to resolve against its working directory),
    /// else <c>$XDG_CACHE_HOME/alvh</c> (when absolute: the XDG base directory specification ignores a relative one), else
    /// <c>$HOME/.cache/alvh</c>; null when none of them is set (no cache).
    /// </summary>
    public static string? DefaultFolder(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (NonEmpty(environment(EnvironmentVariable)) is { } set) return set;
        if (NonEmpty(environment("XDG_CACHE_HOME")) is { } xdg && Path.IsPathFullyQualified(xdg)) return Path.Combine(xdg, "alvh");
        return NonEmpty(environment("HOME")) is { } home ? Path.Combine(home, ".cache", "alvh") : null;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>The file of <paramref name="key"/>.</summary>
    public string PathFor(string key)
    {
        if (key.Length != 64 || !key.All(char.IsAsciiHexDigitLower)) throw new ArgumentException($"not a calibration key: {key}", nameof(key));
        return Path.Combine(Folder, $"svj-calibration-{key}.json");
    }

    /// <summary>
    /// The calibration of <paramref name="key"/>, or null: with <paramref name="problem"/> null when the cache has none,
    /// and saying what is wrong with the file when it has one that cannot be used.
    /// </summary>
    public CachedSvjCalibration? Read(string key, out string? problem)
    {
        var path = PathFor(key);
        problem = null;
        if (!File.Exists(path)) return null;
        Entry? entry;
        try
        {
            entry = JsonSerializer.Deserialize<Entry>(File.ReadAllText(path), Options);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            problem = $"{path}: not a readable calibration ({e.Message})";
            return null;
        }
        problem = entry switch
        {
            null => $"{path}: empty",
            { Format: not Format } => $"{path}: format {entry.Format}, this build reads {Format}",
            _ when entry.Key != key => $"{path}: holds the calibration of key {entry.Key}",
            { Calibration: null } => $"{path}: no calibration",
            _ when !Finite(entry.Calibration.Parameters) || !Finite(entry.Calibration.Moments) => $"{path}: a parameter is not a finite number",
            _ when !(double.IsFinite(entry.Seconds) && entry.Seconds >= 0) => $"{path}: seconds {entry.Seconds}, not a time",
            _ when OutOfRange(entry.Calibration) is { } field => $"{path}: {field}",
            _ => null,
        };
        return problem is null ? new CachedSvjCalibration(entry!.Calibration!, entry.Seconds, path) : null;
    }

    /// <summary>Writes the calibration of <paramref name="key"/> (atomically; the folder is created); returns the file.</summary>
    public string Write(string key, SvjCalibration calibration, double seconds)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        var path = PathFor(key);
        AtomicWriter.WriteText(path, JsonSerializer.Serialize(new Entry(Format, key, seconds, calibration), Options) + "\n");
        return path;
    }

    /// <summary>
    /// The first parameter outside what a calibration can give (the search's bounds for the calibrated ones; a positive
    /// κ, θ and premium, |ρ| ≤ 1 and non-negative jump sizes and rates for the moment fit), or null: a hand-edited file
    /// with ρ 1.5 made the run fail far from the cache with an internal error.
    /// </summary>
    private static string? OutOfRange(SvjCalibration c)
    {
        var p = c.Parameters;
        var m = c.Moments;
        // A search that found no point within its bounds keeps the moment fit, which the bounds do not hold.
        bool searched = p != m;
        (string Name, double Value, bool Ok)[] checks =
        [
            ("parameters.kappa", p.Kappa, p.Kappa > 0 && (!searched || p.Kappa <= SvjModel.MaxKappa)),
            ("parameters.xi", p.Xi, p.Xi >= 0 && (!searched || (p.Xi > 0 && p.Xi <= SvjModel.MaxXi))),
            ("parameters.rho", p.Rho, Math.Abs(p.Rho) <= (searched ? SvjModel.MaxAbsRho : 1)),
            ("parameters.theta", p.Theta, p.Theta > 0 && (!searched || (p.Theta >= SvjModel.MinTheta && p.Theta <= SvjModel.MaxTheta))),
            ("parameters.varianceRiskPremium", p.VarianceRiskPremium, p.VarianceRiskPremium > 0 && (!searched || (p.VarianceRiskPremium >= SvjModel.MinPremium && p.VarianceRiskPremium <= SvjModel.MaxPremium))),
            ("parameters.jumpsPerYear", p.JumpsPerYear, p.JumpsPerYear >= 0),
            ("parameters.jumpStd", p.JumpStd, p.JumpStd >= 0),
            ("parameters.varianceJump", p.VarianceJump, p.VarianceJump >= 0),
            ("moments.kappa", m.Kappa, m.Kappa > 0),
            ("moments.xi", m.Xi, m.Xi >= 0),
            ("moments.rho", m.Rho, Math.Abs(m.Rho) <= 1),
            ("moments.theta", m.Theta, m.Theta > 0),
            ("moments.varianceRiskPremium", m.VarianceRiskPremium, m.VarianceRiskPremium > 0),
            ("moments.jumpsPerYear", m.JumpsPerYear, m.JumpsPerYear >= 0),
            ("moments.jumpStd", m.JumpStd, m.JumpStd >= 0),
            ("moments.varianceJump", m.VarianceJump, m.VarianceJump >= 0),
            ("windowDays", c.WindowDays, c.WindowDays >= 42),
            ("paths", c.Paths, c.Paths >= 1),
        ];
        foreach (var (name, value, ok) in checks)
        {
            if (!ok) return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"calibration.{name} {value} is outside what a calibration gives");
        }
        return null;
    }

    private static bool Finite(SvjParameters? p) => p is not null
        && double.IsFinite(p.Drift) && double.IsFinite(p.Kappa) && double.IsFinite(p.Theta) && double.IsFinite(p.Xi) && double.IsFinite(p.Rho)
        && double.IsFinite(p.JumpsPerYear) && double.IsFinite(p.JumpMean) && double.IsFinite(p.JumpStd) && double.IsFinite(p.VarianceJump)
        && double.IsFinite(p.VarianceRiskPremium);

    private sealed record Entry(int Format, string Key, double Seconds, SvjCalibration? Calibration);
}
