namespace Alvh.Core.Tests.Calendars;

/// <summary>
/// A fact over a file of the shared real-data folder named by the <c>ALVH_DATA</c> environment
/// variable; skipped, with the reason, when the variable or the file is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string fileName)
    {
        string? folder = SharedData.Folder;
        if (string.IsNullOrEmpty(folder)) Skip = $"ALVH_DATA is not set (needs {fileName} from the shared data folder)";
        else if (!File.Exists(Path.Combine(folder, fileName))) Skip = $"{fileName} not found in ALVH_DATA={folder}";
    }

    /// <summary>Full path of a file of the shared data folder.</summary>
    public static string PathOf(string fileName) =>
        Path.Combine(SharedData.Folder ?? "", fileName);
}
