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
    [InlineData("{\"format\":2,", "not a readable calibration")]
    [InlineData("null", "empty")]
    [InlineData("{\"format\":1,\"key\":\"KEY\",\"seconds\":1,\"calibration\":null}", "format 1, this build reads 2")]
    [InlineData("{\"format\":3,\"key\":\"KEY\",\"seconds\":1,\"calibration\":null}", "format 3, this build reads 2")]
    [InlineData("{\"format\":2,\"key\":\"bbbb\",\"seconds\":1,\"calibration\":null,\"build\":\"BUILD\"}", "holds the calibration of key bbbb")]
    [InlineData("{\"format\":2,\"key\":\"KEY\",\"seconds\":1,\"calibration\":null,\"build\":\"other\"}", "written by another build (other), this is BUILD")]
    [InlineData("{\"format\":2,\"key\":\"KEY\",\"seconds\":1,\"calibration\":null}", "written by another build (not named)")]
    [InlineData("{\"format\":2,\"key\":\"KEY\",\"seconds\":1,\"calibration\":null,\"build\":\"BUILD\"}", "no calibration")]
    [InlineData("{\"format\":2,\"key\":\"KEY\",\"seconds\":1}", "missing required properties including: 'calibration'")]
    public void A_file_that_is_not_the_key_s_calibration_is_a_problem(string text, string message)
    {
        using var d = new TempFolder();
        var cache = new SvjCalibrationCache(d.Path);
        File.WriteAllText(cache.PathFor(Key), text.Replace("KEY", Key, StringComparison.Ordinal).Replace("BUILD", SvjCalibration.Build, StringComparison.Ordinal));
        message = message.Replace("BUILD", SvjCalibration.Build, StringComparison.Ordinal);

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

    /// <summary>A clock that stands still (the files' ages are set by hand).</summary>
    private sealed class FixedClock(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
    }

    private static readonly DateTime Now = new(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>The i-th test key: 64 lowercase hex digits.</summary>
    private static string KeyOf(int i) => i.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Writes the test calibration under <paramref name="key"/>, last used <paramref name="age"/> before <see cref="Now"/>.</summary>
    private static string WriteUsed(SvjCalibrationCache cache, string key, TimeSpan age)
    {
        string file = cache.Write(key, Calibration(), 1);
        File.SetLastWriteTimeUtc(file, Now - age);
        return file;
    }

    private static string[] Names(string folder) => [.. Directory.GetFiles(folder).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Twenty calibrations of this build: pruning keeps the one in use (here the least recently used) and the 15 most
    /// recently used (16 = MaxEntries in all) and removes the 4 others; files and folders that are not calibrations are
    /// never touched, however near their names.
    /// </summary>
    [Fact]
    public void Pruning_keeps_the_one_in_use_and_the_most_recently_used()
    {
        using var d = new TempFolder();
        var cache = new SvjCalibrationCache(d.Path, new FixedClock(Now));
        for (int i = 0; i < 20; i++) WriteUsed(cache, KeyOf(i), TimeSpan.FromMinutes(100 - i));
        string[] strangers = ["notes.txt", "svj-calibration-abc.json", $"svj-calibration-{KeyOf(0xab).ToUpperInvariant()}.json", $"svj-calibration-{KeyOf(2)}.json.bak",
            $"x-svj-calibration-{KeyOf(3)}.json", $".svj-calibration-{KeyOf(4)}.json.tmp"];
        foreach (var name in strangers)
        {
            File.WriteAllText(Path.Combine(d.Path, name), "not ours");
            File.SetLastWriteTimeUtc(Path.Combine(d.Path, name), Now.AddYears(-1));
        }
        Directory.CreateDirectory(Path.Combine(d.Path, $"svj-calibration-{KeyOf(99)}.json"));

        var pruning = cache.Prune(KeyOf(0));

        pruning.Problems.Should().BeEmpty();
        pruning.Removed.Should().BeEquivalentTo(Enumerable.Range(1, 4).Select(i => cache.PathFor(KeyOf(i))));
        Names(d.Path).Should().BeEquivalentTo(strangers.Concat(new[] { 0 }.Concat(Enumerable.Range(5, 15)).Select(i => Path.GetFileName(cache.PathFor(KeyOf(i))))));
        foreach (var name in strangers) File.ReadAllText(Path.Combine(d.Path, name)).Should().Be("not ours");
        Directory.Exists(Path.Combine(d.Path, $"svj-calibration-{KeyOf(99)}.json")).Should().BeTrue();
        cache.Prune(KeyOf(0)).Removed.Should().BeEmpty("16 calibrations are within the bound");
    }

    /// <summary>A calibration read back is used now: the next pruning keeps it and removes the next least recently used instead.</summary>
    [Fact]
    public void Reading_a_calibration_makes_it_recently_used()
    {
        using var d = new TempFolder();
        var cache = new SvjCalibrationCache(d.Path, new FixedClock(Now));
        for (int i = 0; i < 17; i++) WriteUsed(cache, KeyOf(i), TimeSpan.FromHours(17 - i));

        cache.Read(KeyOf(0), out var problem).Should().NotBeNull();
        problem.Should().BeNull();
        File.GetLastWriteTimeUtc(cache.PathFor(KeyOf(0))).Should().Be(Now);
        var pruning = cache.Prune(KeyOf(16));

        pruning.Removed.Should().Equal(cache.PathFor(KeyOf(1)));
        File.Exists(cache.PathFor(KeyOf(0))).Should().BeTrue();
    }

    /// <summary>
    /// A calibration this build cannot read (another build's, an older format's, a file that is not JSON) goes once it
    /// has been unused for a day (OtherBuildIdle), not before: two builds used side by side keep theirs. The other build,
    /// pruning the same folder, removes this build's old ones alike.
    /// </summary>
    [Fact]
    public void Another_build_s_calibrations_go_after_a_day_unused()
    {
        using var d = new TempFolder();
        var here = new SvjCalibrationCache(d.Path, new FixedClock(Now));
        var there = new SvjCalibrationCache(d.Path, new FixedClock(Now), build: "another build");
        string staleOther = WriteUsed(there, KeyOf(1), TimeSpan.FromHours(25));
        string recentOther = WriteUsed(there, KeyOf(2), TimeSpan.FromHours(23));
        string oldFormat = Path.Combine(d.Path, $"svj-calibration-{KeyOf(3)}.json");
        File.WriteAllText(oldFormat, $"{{\"format\":1,\"key\":\"{KeyOf(3)}\",\"seconds\":1,\"calibration\":null}}");
        File.SetLastWriteTimeUtc(oldFormat, Now.AddDays(-2));
        string broken = Path.Combine(d.Path, $"svj-calibration-{KeyOf(4)}.json");
        File.WriteAllText(broken, "{\"format\":");
        File.SetLastWriteTimeUtc(broken, Now.AddDays(-2));
        string mine = WriteUsed(here, KeyOf(5), TimeSpan.FromDays(30));
        string inUse = WriteUsed(here, KeyOf(6), TimeSpan.Zero);

        var pruning = here.Prune(KeyOf(6));

        pruning.Problems.Should().BeEmpty();
        pruning.Removed.Should().BeEquivalentTo([staleOther, oldFormat, broken]);
        File.Exists(recentOther).Should().BeTrue("used within the day");
        File.Exists(mine).Should().BeTrue("this build's calibrations go by count, not by age");
        there.Read(KeyOf(2), out _).Should().NotBeNull("the other build still reads its own");
        there.Prune(KeyOf(2)).Removed.Should().Equal([mine], "to the other build, this build's unused calibration is the stranger");
        File.Exists(inUse).Should().BeTrue();
    }

    /// <summary>A write's temporary file (AtomicWriter's .NAME.PID.GUID.tmp) an hour old is a stopped process's and goes; a younger one may be a write under way.</summary>
    [Fact]
    public void Abandoned_temporary_files_go_after_an_hour()
    {
        using var d = new TempFolder();
        var cache = new SvjCalibrationCache(d.Path, new FixedClock(Now));
        string Temporary(int key, TimeSpan age)
        {
            string file = Path.Combine(d.Path, $".svj-calibration-{KeyOf(key)}.json.4242.{Guid.NewGuid():N}.tmp");
            File.WriteAllText(file, "{\"format\":2,");
            File.SetLastWriteTimeUtc(file, Now - age);
            return file;
        }
        string abandoned = Temporary(1, TimeSpan.FromMinutes(61));
        string underWay = Temporary(2, TimeSpan.FromMinutes(1));

        cache.Prune(KeyOf(9)).Removed.Should().Equal(abandoned);

        File.Exists(underWay).Should().BeTrue();
    }

    /// <summary>Pruning a folder that is not there, or where a file stands in its place, removes nothing and throws nothing (the run goes on).</summary>
    [Fact]
    public void Pruning_never_throws_for_the_folder_s_state()
    {
        using var d = new TempFolder();
        var missing = new SvjCalibrationCache(Path.Combine(d.Path, "not", "there")).Prune(Key);
        string file = d.Write("a-file", "not a folder");
        var blocked = new SvjCalibrationCache(file).Prune(Key);

        missing.Removed.Should().BeEmpty();
        missing.Problems.Should().BeEmpty();
        blocked.Removed.Should().BeEmpty();
        File.ReadAllText(file).Should().Be("not a folder");
    }

    /// <summary>
    /// Runs sharing the folder (two caches, four threads, a seeded sequence of 24 keys): each reads, writes when it finds
    /// nothing, then prunes, while the others remove files under it. No read reports a problem (a file removed between a
    /// look and the read would read as unreadable: the read no longer looks first), no pruning fails, and the folder ends
    /// within the bound. The interleaving is the scheduler's: a check that the rules hold under contention.
    /// </summary>
    [Fact]
    public void Runs_sharing_the_folder_prune_it_safely()
    {
        using var d = new TempFolder();
        var caches = new[] { new SvjCalibrationCache(d.Path), new SvjCalibrationCache(d.Path) };
        var problems = new System.Collections.Concurrent.ConcurrentBag<string>();
        var random = new Random(61);
        int[][] keys = [.. Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, 60).Select(_ => random.Next(24)).ToArray())];

        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, t =>
        {
            var cache = caches[t % 2];
            foreach (int k in keys[t])
            {
                if (cache.Read(KeyOf(k), out var problem) is null)
                {
                    if (problem is not null) problems.Add(problem);
                    cache.Write(KeyOf(k), Calibration(), 1);
                }
                foreach (var p in cache.Prune(KeyOf(k)).Problems) problems.Add(p);
            }
        });

        problems.Should().BeEmpty();
        caches[0].Prune(KeyOf(0));
        Directory.GetFiles(d.Path).Should().HaveCountLessThanOrEqualTo(SvjCalibrationCache.MaxEntries).And.OnlyContain(f => Path.GetFileName(f).StartsWith("svj-calibration-", StringComparison.Ordinal));
    }
}
