using System.Text;

namespace Alvh.Reports;

/// <summary>
/// A rendered report: one self-contained HTML page (inline CSS, charts as base64 PNG data URIs) and
/// the same charts as PNG files. The same inputs give the same bytes: nothing reads the clock.
/// </summary>
/// <param name="Html">The page.</param>
/// <param name="Charts">The charts embedded in the page.</param>
public sealed record ReportDocument(string Html, IReadOnlyList<ChartImage> Charts)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the page as <paramref name="fileName"/> and each chart next to it; returns the page's full path.</summary>
    public string WriteTo(string folder, string fileName)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        foreach (var chart in Charts) WriteAtomically(Path.Combine(folder, chart.FileName), chart.Png);
        var path = Path.GetFullPath(Path.Combine(folder, fileName));
        WriteAtomically(path, Utf8.GetBytes(Html));
        return path;
    }

    // Same discipline as Alvh.Data.Output.AtomicWriter (temp file in the folder, then a rename), for bytes.
    private static void WriteAtomically(string path, byte[] bytes)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
