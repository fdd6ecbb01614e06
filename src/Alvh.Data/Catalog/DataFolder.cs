namespace Alvh.Data.Catalog;

/// <summary>
/// Where the market data lives: <c>--data</c> when given, else the <c>ALVH_DATA</c> environment
/// variable, else <c>./data</c>. A folder "holds data" when it contains at least one <c>.csv</c> file.
/// </summary>
public static class DataFolder
{
    /// <summary>The environment variable naming the data folder.</summary>
    public const string EnvironmentVariable = "ALVH_DATA";

    /// <summary>The refusal of a blank --data (an unset variable in <c>--data "$DIR"</c>), for every command that takes one.</summary>
    public const string EmptyOption = "--data is empty: give a folder, or leave --data out (ALVH_DATA, else ./data)";

    /// <summary>Resolves the data folder or throws <see cref="DataFolderException"/> saying how to get data.</summary>
    /// <param name="option">The <c>--data</c> value, or null.</param>
    /// <param name="environment">The <c>ALVH_DATA</c> value, or null.</param>
    /// <param name="currentDirectory">Working directory for relative paths and <c>./data</c>.</param>
    public static string Resolve(string? option, string? environment, string currentDirectory)
    {
        // A blank --data (an unset shell variable, --data "$DIR") is refused, as a blank --out is: it was taken as not
        // given, so the run read ALVH_DATA's folder or ./data instead without a word.
        if (option is not null && string.IsNullOrWhiteSpace(option))
            throw new DataFolderException(EmptyOption + ".");
        if (option is not null) return Check(Path.GetFullPath(option, currentDirectory), "--data");
        if (!string.IsNullOrWhiteSpace(environment)) return Check(Path.GetFullPath(environment, currentDirectory), EnvironmentVariable);
        var local = Path.GetFullPath("data", currentDirectory);
        if (HoldsData(local)) return local;
        throw new DataFolderException(
            $"No market data found: --data is not given, {EnvironmentVariable} is not set, and ./data holds no CSV files. " +
            "Run 'alvh data fetch' to download the public series into ./data, or point --data (or ALVH_DATA) at a folder that has them.");
    }

    /// <summary>True when the folder exists and has at least one CSV file.</summary>
    public static bool HoldsData(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.csv").Any();

    private static string Check(string folder, string from)
    {
        if (File.Exists(folder)) throw new DataFolderException($"{from} points at a file, not a folder: {folder}");
        if (!Directory.Exists(folder)) throw new DataFolderException($"{from} points at {folder}, which does not exist. Run 'alvh data fetch --data {folder}' to download the data there.");
        if (!HoldsData(folder)) throw new DataFolderException($"{from} points at {folder}, which holds no CSV files. Run 'alvh data fetch --data {folder}' to download the data there.");
        return folder;
    }
}
