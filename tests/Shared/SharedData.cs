namespace Alvh.Tests.Support;

/// <summary>
/// The real market history, located through ALVH_DATA (CI sets it to ../shared/data). A relative
/// value is resolved against the repository root, so it works from the test's bin folder. Tests that
/// need it skip, saying why, when it is not set.
/// </summary>
internal static class SharedData
{
    public static string? Folder
    {
        get
        {
            var value = Environment.GetEnvironmentVariable("ALVH_DATA");
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (Path.IsPathRooted(value)) return value;
            var root = RepositoryRoot();
            return root is null ? Path.GetFullPath(value) : Path.GetFullPath(Path.Combine(root, value));
        }
    }

    /// <summary>The data folder, or a skip with the reason.</summary>
    public static string Require()
    {
        var folder = Folder;
        Skip.If(folder is null, "ALVH_DATA is not set: this test reads the real market history (CI sets ALVH_DATA=../shared/data).");
        Skip.IfNot(Directory.Exists(folder), $"ALVH_DATA points at {folder}, which does not exist.");
        return folder!;
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Alvh.slnx"))) return dir.FullName;
        }
        return null;
    }
}
