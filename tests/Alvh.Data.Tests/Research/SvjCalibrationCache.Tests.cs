using Alvh.Data.Research;
using Alvh.Research.Scenarios;

namespace Alvh.Data.Tests.Research;

public class SvjCalibrationCacheTests
{
    private static readonly string Key = new('a', 64);

    // Doubles whose shortest text is long (0.1 + 0.2), tiny, negative and NaN (features not measured): all must come back to the bit.
    private static readonly SvjParameters Moments = new(0.1 + 0.2, 9.390935921224541, 0.0314766060172625, 1.1559289600893963, -0.7062167679910135, 0.22187981510015406, -0.06447310086441813, 0.03193652059243766, 0.1041124249675893, 1.3440909924780713);

    /// <summary>Writes the test calibration, edits its file as JSON (a hand edit) and returns the file.</summary>
    private static string Edited(SvjCalibrationCache cache, Action<System.Text.Json.Nodes.JsonNode> edit)
    {
        string file = cache.Write(Key, Calibration(), 1);
        var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!;
        edit(root);
        File.WriteAllText(file, root.ToJsonString());
        return file;
    }

    private static SvjCalibration Calibration() => new(Moments, Moments with { Kappa = 3.1807458430384994, Rho = -0.97, JumpMean = -5e-324 },
        2520, 337, 24, new SvjFeatures(41.2, -0.75, 31.9, 20.2, 3.64), new SvjFeatures(8.1, 0.05, 5.2, 2.1, 0.6), SvjFeatures.None, 50.25,
        new SvjFeatures(40.9, -0.751, 31.7, 20.21, 3.639), 1e-17, 546, 3);

    /// <summary>A calibration written and read back is the same record to the bit (NaN features included), with its seconds and file.</summary>
    [Fact]
    public void A_calibration_comes_back_to_the_bit()
    {
        using var d = new TempFolder();
        var cache = new SvjCalibrationCache(Path.Combine(d.Path, "made", "here"));
        var calibration = Calibration();

        cache.Read(Key, out var before).Should().BeNull();
        before.Should().BeNull("no file is not a problem");
        string file = cache.Write(Key, calibration, 6.75);
        var read = cache.Read(Key, out var problem);

        problem.Should().BeNull();
        file.Should().Be(Path.Combine(d.Path, "made", "here", $"svj-calibration-{Key}.json"));
        read!.File.Should().Be(file);
        read.Seconds.Should().Be(6.75);
        read.Calibration.Should().Be(calibration, "record equality compares every double (NaN equals NaN)");
        BitConverter.DoubleToInt64Bits(read.Calibration.Parameters.JumpMean).Should().Be(BitConverter.DoubleToInt64Bits(-5e-324));
        read.Calibration.AtMoments.MeanVix.Should().Be(double.NaN);
        read.Calibration.Matched.Should().BeTrue();
        Directory.GetFiles(cache.Folder).Should().ContainSingle("the temporary file is renamed into place");
    }

    /// <summary>A file that is not the key's calibration is never used: the problem names the file and what is wrong.</summary>
    [Theory]
    [InlineData("{\"format\":1,", "not a readable calibration")]
    [InlineData("null", "empty")]
    [InlineData("{\"format\":2,\"key\":\"KEY\",\"seconds\":1,\"calibration\":null}", "format 2, this build reads 1")]
    [InlineData("{\"format\":1,\"key\":\"bbbb\",\"seconds\":1,\"calibration\":null}", "holds the calibration of key bbbb")]
    [InlineData("{\"format\":1,\"key\":\"KEY\",\"seconds\":1,\"calibration\":null}", "no calibration")]
    [InlineData("{\"format\":1,\"key\":\"KEY\",\"seconds\":1}", "missing required properties including: 'calibration'")]
    public void A_file_that_is_not_the_key_s_calibration_is_a_problem(string text, string message)
    {
        using var d = new TempFolder();
        var cache = new SvjCalibrationCache(d.Path);
        File.WriteAllText(cache.PathFor(Key), text.Replace("KEY", Key, StringComparison.Ordinal));

        cache.Read(Key, out var problem).Should().BeNull();

        problem.Should().StartWith(cache.PathFor(Key) + ": ").And.Contain(message);
    }

    /// <summary>A calibration whose parameters are not finite numbers (hand-edited, or a NaN written by a broken build), or whose time is not one, is refused.</summary>
    [Fact]
    public void Non_finite_parameters_are_a_problem()
    {
        using var d = new TempFolder();
        var cache = new SvjCalibrationCache(d.Path);
        cache.Write(Key, Calibration() with { Parameters = Moments with { Xi = double.NaN } }, 1);
        cache.Read(Key, out var parameter).Should().BeNull();
        cache.Write(Key, Calibration(), -2);
        cache.Read(Key, out var seconds).Should().BeNull();

        parameter.Should().Contain("a parameter is not a finite number");
        seconds.Should().Contain("seconds -2, not a time");
    }

    /// <summary>A hand-edited value outside what a calibration gives (ρ 1.5, a negative κ) is named, never used.</summary>
    [Theory]
    [InlineData("parameters", "rho", 1.5)]
    [InlineData("parameters", "kappa", -5)]
    [InlineData("parameters", "varianceRiskPremium", 9)]
    [InlineData("moments", "theta", 0)]
    public void A_value_no_calibration_gives_is_a_problem(string parent, string name, double value)
    {
        using var d = new TempFolder();
        var cache = new SvjCalibrationCache(d.Path);
        string file = Edited(cache, root => root["calibration"]![parent]![name] = value);

        cache.Read(Key, out var problem).Should().BeNull();

        problem.Should().Be(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{file}: calibration.{parent}.{name} {value} is outside what a calibration gives"));
    }

    /// <summary>A calibration whose search found no point within its bounds keeps the moment fit, unbounded (κ 300): it is read back, not refused on every run.</summary>
    [Fact]
    public void A_calibration_that_kept_the_moment_fit_is_read_back()
    {
        using var d = new TempFolder();
        var cache = new SvjCalibrationCache(d.Path);
        var kept = Calibration() with { Moments = Moments with { Kappa = 300 }, Parameters = Moments with { Kappa = 300 } };
        cache.Write(Key, kept, 1);

        var read = cache.Read(Key, out var problem);

        problem.Should().BeNull();
        read!.Calibration.Should().Be(kept);
    }

    /// <summary>
    /// A field left out of the file (a hand edit, a truncated rewrite) is a problem, not a 0: a calibration read with ρ 0
    /// and no jumps would run as if whole. So is a field given twice, and a null where the record has none.
    /// </summary>
    [Theory]
    [InlineData("calibration.parameters", "rho")]
    [InlineData("calibration.parameters", "jumpsPerYear")]
    [InlineData("calibration.achieved", "vixHalfLifeDays")]
    [InlineData("calibration", "targets")]
    public void A_missing_field_is_a_problem(string parent, string name)
    {
        using var d = new TempFolder();
        var cache = new SvjCalibrationCache(d.Path);
        string file = Edited(cache, root => parent.Split('.').Aggregate(root, (n, step) => n[step]!).AsObject().Remove(name).Should().BeTrue());

        cache.Read(Key, out var problem).Should().BeNull($"{parent} without {name}");

        problem.Should().Contain("not a readable calibration").And.Contain(name);
    }

    [Fact]
    public void A_duplicated_or_null_field_is_a_problem()
    {
        using var d = new TempFolder();
        var cache = new SvjCalibrationCache(d.Path);
        string file = cache.Write(Key, Calibration(), 1);
        string text = File.ReadAllText(file);

        File.WriteAllText(file, text.Replace("\"windowDays\": 2520,", "\"windowDays\": 2520, \"windowDays\": 10,", StringComparison.Ordinal));
        cache.Read(Key, out var duplicated).Should().BeNull();
        File.WriteAllText(file, text.Replace("\"targets\": {", "\"targets\": null, \"unused\": {", StringComparison.Ordinal));
        cache.Read(Key, out var nulled).Should().BeNull();

        duplicated.Should().Contain("not a readable calibration").And.Contain("windowDays");
        nulled.Should().Contain("not a readable calibration").And.Contain("targets");
    }

    /// <summary>The default folder: ALVH_CACHE, else an absolute XDG_CACHE_HOME/alvh, else HOME/.cache/alvh, else none (blank counts as unset).</summary>
    [Fact]
    public void The_default_folder_follows_the_environment()
    {
        static Func<string, string?> Env(params (string Name, string Value)[] set) => name => set.FirstOrDefault(v => v.Name == name).Value;

        SvjCalibrationCache.DefaultFolder(Env(("ALVH_CACHE", "/c"), ("XDG_CACHE_HOME", "/x"), ("HOME", "/h"))).Should().Be("/c");
        SvjCalibrationCache.DefaultFolder(Env(("ALVH_CACHE", " "), ("XDG_CACHE_HOME", "/x"), ("HOME", "/h"))).Should().Be(Path.Combine("/x", "alvh"));
        SvjCalibrationCache.DefaultFolder(Env(("XDG_CACHE_HOME", "x"), ("HOME", "/h"))).Should().Be(Path.Combine("/h", ".cache", "alvh"), "the XDG specification ignores a relative XDG_CACHE_HOME");
        SvjCalibrationCache.DefaultFolder(Env(("ALVH_CACHE", "c"))).Should().Be("c", "the caller resolves it against its working directory");
        SvjCalibrationCache.DefaultFolder(Env(("HOME", "/h"))).Should().Be(Path.Combine("/h", ".cache", "alvh"));
        SvjCalibrationCache.DefaultFolder(Env()).Should().BeNull();
        FluentActions.Invoking(() => new SvjCalibrationCache("/c").PathFor("../x")).Should().Throw<ArgumentException>("a key is 64 lowercase hex digits, never a path");
    }
}
