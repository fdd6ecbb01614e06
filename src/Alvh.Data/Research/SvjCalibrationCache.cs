using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
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
/// used, and the new calibration replaces it. A file's modification time is when it was last used: set when it is
/// written and when it is read back. <see cref="Prune"/> keeps the folder small (see there).
/// </remarks>
/// <param name="folder">The folder.</param>
/// <param name="clock">The clock that dates a use and ages the files (the system's when null).</param>
/// <param name="build">The build whose calibrations this cache reads and writes (<see cref="SvjCalibration.Build"/> when null; tests stand in for another build).</param>
public sealed partial class SvjCalibrationCache(string folder, TimeProvider? clock = null, string? build = null)
{
    /// <summary>The environment variable naming the cache folder.</summary>
    public const string EnvironmentVariable = "ALVH_CACHE";

    /// <summary>Calibrations <see cref="Prune"/> keeps at most, the one in use included: each is about 2 KB, and 16 cover a study's path lengths and pool starts.</summary>
    public const int MaxEntries = 16;

    /// <summary>
    /// How long <see cref="Prune"/> keeps a calibration no build of this kind can read (another build's or runtime's,
    /// an older format's, an unreadable file) after its last use: long enough for two builds used side by side (a Debug
    /// and a Release build, an installed tool and a working copy) to keep theirs, short enough that a rebuild's old
    /// entries go within a day.
    /// </summary>
    public static readonly TimeSpan OtherBuildIdle = TimeSpan.FromDays(1);

    /// <summary>How old a temporary file of a write must be before <see cref="Prune"/> takes it for one a stopped process left (a write takes milliseconds).</summary>
    public static readonly TimeSpan AbandonedWriteAge = TimeSpan.FromHours(1);

    private const int Format = 2;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private readonly string _build = build ?? SvjCalibration.Build;

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
        Entry? entry;
        try
        {
            entry = JsonSerializer.Deserialize<Entry>(File.ReadAllText(path), Options);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // None, not a problem; read without a look first, which another run's pruning could make wrong before the read.
            return null;
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
            _ when entry.Build != _build => $"{path}: written by another build ({entry.Build ?? "not named"}), this is {_build}",
            { Calibration: null } => $"{path}: no calibration",
            _ when !Finite(entry.Calibration.Parameters) || !Finite(entry.Calibration.Moments) => $"{path}: a parameter is not a finite number",
            _ when !(double.IsFinite(entry.Seconds) && entry.Seconds >= 0) => $"{path}: seconds {entry.Seconds}, not a time",
            _ when OutOfRange(entry.Calibration) is { } field => $"{path}: {field}",
            _ => null,
        };
        if (problem is not null) return null;
        Touch(path);
        return new CachedSvjCalibration(entry!.Calibration!, entry.Seconds, path);
    }

    /// <summary>Writes the calibration of <paramref name="key"/> (atomically; the folder is created); returns the file.</summary>
    public string Write(string key, SvjCalibration calibration, double seconds)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        var path = PathFor(key);
        AtomicWriter.WriteText(path, JsonSerializer.Serialize(new Entry(Format, key, seconds, calibration, _build), Options) + "\n");
        Touch(path);
        return path;
    }

    /// <summary>
    /// Removes from the folder what no run needs, after a run has read or written <paramref name="inUse"/>'s calibration:
    /// <list type="bullet">
    /// <item>a calibration no build of this kind can read (another build's or runtime's: each key hashes its build; an
    /// older format's; a file named as a calibration that cannot be read) unused for more than <see cref="OtherBuildIdle"/>;</item>
    /// <item>beyond the <see cref="MaxEntries"/> most recently used calibrations (<paramref name="inUse"/>'s always among
    /// them), the others, least recently used first;</item>
    /// <item>a temporary file of a write older than <see cref="AbandonedWriteAge"/> (a stopped process's).</item>
    /// </list>
    /// It touches nothing else: no folder, no file whose name is not a calibration's
    /// (<c>svj-calibration-</c>, 64 lowercase hex digits, <c>.json</c>) or a write's temporary file. Safe beside other
    /// runs on the same folder (a file another run removed first is skipped; a read that finds its file gone calibrates
    /// again). It never throws for the folder's state: what it could not do is listed in the result's problems.
    /// </summary>
    /// <param name="inUse">The key of the calibration the run uses, never removed.</param>
    /// <returns>The files removed and the problems met.</returns>
    public SvjCachePruning Prune(string inUse)
    {
        string kept = PathFor(inUse);
        var removed = new List<string>();
        var problems = new List<string>();
        DateTime now = _clock.GetUtcNow().UtcDateTime;
        string[] files;
        try
        {
            files = Directory.GetFiles(Folder);
        }
        catch (DirectoryNotFoundException)
        {
            return new SvjCachePruning(removed, problems);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{Folder}: cannot be listed ({e.Message})");
            return new SvjCachePruning(removed, problems);
        }
        void Remove(string file)
        {
            try
            {
                // Gone already: another run pruned it first.
                if (!File.Exists(file)) return;
                File.Delete(file);
                removed.Add(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{file}: not removed ({e.Message})");
            }
        }
        var calibrations = new List<(string File, DateTime Used, bool Readable)>();
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(file);
            bool temporary = TemporaryName().IsMatch(name);
            if (!temporary && (!EntryName().IsMatch(name) || file == kept)) continue;
            // A file removed since the listing reads as 1601-01-01: skipped.
            if (!(LastUse(file) is { } used)) continue;
            if (temporary)
            {
                if (now - used > AbandonedWriteAge) Remove(file);
                continue;
            }
            calibrations.Add((file, used, ReadableHere(file)));
        }
        foreach (var other in calibrations.Where(c => !c.Readable && now - c.Used > OtherBuildIdle)) Remove(other.File);
        // The most recently used first (ties by name, so two runs agree), the one in use counted among those kept.
        var rest = calibrations.Where(c => c.Readable || now - c.Used <= OtherBuildIdle).OrderByDescending(c => c.Used).ThenBy(c => c.File, StringComparer.Ordinal);
        foreach (var old in rest.Skip(MaxEntries - 1)) Remove(old.File);
        return new SvjCachePruning(removed, problems);
    }

    /// <summary>When the file was last used (its modification time), or null when it is gone.</summary>
    private static DateTime? LastUse(string file)
    {
        try
        {
            return File.Exists(file) ? File.GetLastWriteTimeUtc(file) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Marks the file used now; a cache that cannot be written is still read (its order of use is then the writes').</summary>
    private void Touch(string file)
    {
        try
        {
            File.SetLastWriteTimeUtc(file, _clock.GetUtcNow().UtcDateTime);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>True when the file is a calibration of this format by this build (the key is not checked: its name is).</summary>
    private bool ReadableHere(string file)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var root = doc.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.Number && format.TryGetInt32(out int f) && f == Format
                && root.TryGetProperty("build", out var built) && built.ValueKind == JsonValueKind.String && built.GetString() == _build;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    [GeneratedRegex("^svj-calibration-[0-9a-f]{64}[.]json$", RegexOptions.CultureInvariant)]
    private static partial Regex EntryName();

    // AtomicWriter's: .NAME.PID.GUID.tmp beside NAME.
    [GeneratedRegex("^[.]svj-calibration-[0-9a-f]{64}[.]json[.][0-9]+[.][0-9a-f]{32}[.]tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TemporaryName();

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

    // Build last and optional, so that a file of another format says so rather than that it misses a build.
    private sealed record Entry(int Format, string Key, double Seconds, SvjCalibration? Calibration, string? Build = null);
}
