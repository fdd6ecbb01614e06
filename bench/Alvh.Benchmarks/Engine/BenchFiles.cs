namespace Alvh.Benchmarks.Engine;

/// <summary>Locates the shared benchmark inputs from the repository root (never copied into the repo).</summary>
internal static class BenchFiles
{
    public static string CanonicalBars() =>
        Environment.GetEnvironmentVariable("ALVH_BENCH_BARS") is { Length: > 0 } file ? file : Path.Combine(Root(), "..", "shared", "bench", "canonical-bars.csv");

    public static string SharedData() =>
        Environment.GetEnvironmentVariable("ALVH_DATA") is { Length: > 0 } folder ? folder : Path.Combine(Root(), "..", "shared", "data");

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Alvh.slnx"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
