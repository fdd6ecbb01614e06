using System.Text;

namespace Alvh.Data.Fetch;

/// <summary>
/// Temporary files next to their target and the validate-then-move step that replaces the
/// target atomically (<see cref="File.Move(string, string, bool)"/> within one folder is a rename).
/// </summary>
internal static class AtomicFile
{
    /// <summary>A fresh temporary path in <paramref name="folder"/> for <paramref name="fileName"/>; hidden and not ending in <c>.csv</c>, so loaders ignore it.</summary>
    public static string NewTempPath(string folder, string fileName) =>
        Path.Combine(folder, $".{fileName}.{Guid.NewGuid():N}.tmp");

    /// <summary>Deletes <paramref name="path"/> if it exists, ignoring I/O errors (best-effort cleanup).</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// Checks <paramref name="tempPath"/> (non-empty, header starts with <paramref name="expectedHeader"/>,
    /// then <paramref name="validate"/>); returns an error, or null after replacing the target or
    /// finding it byte-identical (<paramref name="unchanged"/>).
    /// </summary>
    public static string? Commit(string tempPath, string targetPath, string expectedHeader,
        Func<string, string, string?>? validate, out bool unchanged, out long bytes, out int rows)
    {
        unchanged = false;
        rows = 0;
        bytes = new FileInfo(tempPath).Length;
        if (bytes == 0) return "empty response";
        string header = FirstLine(tempPath);
        if (!header.StartsWith(expectedHeader, StringComparison.OrdinalIgnoreCase))
        {
            return $"unexpected header '{Shorten(header)}' (expected '{expectedHeader}')";
        }
        string targetName = Path.GetFileName(targetPath);
        string? error;
        try
        {
            error = validate?.Invoke(tempPath, targetName);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A reader plugged in as validator may throw on bad input rather than return a message.
            error = ex.Message;
        }
        if (error is not null) return $"validation failed: {error}";
        rows = CountDataRows(tempPath);
        // A header without rows (a Yahoo result without timestamps, a FRED answer with its header only) was written into
        // an empty folder as a success.
        if (rows == 0) return "the download has a header and no data rows";
        if (File.Exists(targetPath) && SameContent(tempPath, targetPath))
        {
            unchanged = true;
            File.Delete(tempPath);
            return null;
        }
        if (File.Exists(targetPath))
        {
            // Histories grow: a download with clearly fewer rows than the file it would replace (a truncated response
            // with a valid header) must not destroy the history on disk. A source may drop a few rows (revisions).
            int existing = CountDataRows(targetPath);
            if (rows < existing - Math.Max(5, existing / 100))
            {
                return $"the download has {rows} rows, fewer than the {existing} of {targetName} on disk: kept the file on disk (a truncated download?)";
            }
        }
        try
        {
            File.Move(tempPath, targetPath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"cannot replace {targetName}: {ex.Message}";
        }
        return null;
    }

    /// <summary>
    /// Deletes temporary files of <paramref name="fileName"/> last written before
    /// <paramref name="olderThanUtc"/>: leftovers of a process that was killed mid-download
    /// (a recent one may belong to a fetch running concurrently, so it is kept).
    /// </summary>
    public static void DeleteStaleTempFiles(string folder, string fileName, DateTime olderThanUtc)
    {
        foreach (var path in Directory.EnumerateFiles(folder, $".{fileName}.*.tmp"))
        {
            if (File.GetLastWriteTimeUtc(path) < olderThanUtc) TryDelete(path);
        }
    }

    private static string FirstLine(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[4096];
        int read = reader.ReadBlock(buffer, 0, buffer.Length);
        var text = new string(buffer, 0, read).TrimStart('\uFEFF');
        int end = text.IndexOfAny(['\r', '\n']);
        return (end >= 0 ? text[..end] : text).Trim();
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    // Lines with content after the first (header) line.
    private static int CountDataRows(string path)
    {
        int lines = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (!string.IsNullOrWhiteSpace(line)) lines++;
        }
        return Math.Max(0, lines - 1);
    }

    private static bool SameContent(string a, string b)
    {
        var infoA = new FileInfo(a);
        var infoB = new FileInfo(b);
        if (infoA.Length != infoB.Length) return false;
        using var streamA = infoA.OpenRead();
        using var streamB = infoB.OpenRead();
        var bufferA = new byte[65536];
        var bufferB = new byte[65536];
        int read;
        while ((read = streamA.ReadAtLeast(bufferA, bufferA.Length, throwOnEndOfStream: false)) > 0)
        {
            streamB.ReadExactly(bufferB, 0, read);
            if (!bufferA.AsSpan(0, read).SequenceEqual(bufferB.AsSpan(0, read))) return false;
        }
        return true;
    }
}
