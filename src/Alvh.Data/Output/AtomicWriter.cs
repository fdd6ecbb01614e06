using System.Text;

namespace Alvh.Data.Output;

/// <summary>
/// Writes a file through a temporary file in the same folder and a rename, so a crash or an error
/// half-way never leaves a truncated result, and a result already written is only replaced by a
/// complete new one.
/// </summary>
public static class AtomicWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="write"/>'s output to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, Action<TextWriter> write)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new StreamWriter(stream, Utf8) { NewLine = "\n" })
            {
                write(writer);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Writes text atomically.</summary>
    public static void WriteText(string path, string text) => Write(path, w => w.Write(text));
}
