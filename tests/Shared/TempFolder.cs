namespace Alvh.Tests.Support;

/// <summary>A temporary folder with typed fixture files, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "alvh-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Full path of a file in the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Names of all files in the folder, hidden temporary files included.</summary>
    public IReadOnlyList<string> FileNames() =>
        Directory.GetFiles(Path).Select(System.IO.Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToList()!;

    public string Write(string name, string text)
    {
        var p = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(p, text.ReplaceLineEndings("\n"));
        return p;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var p = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllBytes(p, bytes);
        return p;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
