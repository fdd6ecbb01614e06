using System.Text;
using Alvh.MarketData;

namespace Alvh.Data.Csv;

/// <summary>
/// Opens a CSV file for the readers with the checks every format shares: the path exists and is a
/// file (not a directory), it can be read, it is not empty, it is text (no NUL bytes, valid UTF-8),
/// and it has a header row. Every failure is a <see cref="DataFormatException"/> naming the file.
/// </summary>
public static class CsvFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the whole file as text after the shared checks.</summary>
    /// <param name="path">Path of the file.</param>
    /// <param name="displayName">Name used in messages (usually the file name).</param>
    public static string ReadText(string path, string displayName)
    {
        if (Directory.Exists(path)) throw new DataFormatException(displayName, 0, null, "is a directory, not a CSV file");
        if (!File.Exists(path)) throw new DataFormatException(displayName, 0, null, "file not found");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFormatException(displayName, 0, null, $"cannot be read: {e.Message}");
        }
        return Decode(bytes, displayName);
    }

    /// <summary>Decodes bytes as strict UTF-8 text after the emptiness and binary checks.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string displayName)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        if (bytes.IsEmpty || bytes.IndexOfAnyExcept((ReadOnlySpan<byte>)" \t\r\n"u8) < 0)
        {
            throw new DataFormatException(displayName, 0, null, "file is empty (expected a header row and data rows)");
        }
        int nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new DataFormatException(displayName, LineOf(bytes, nul), null, "binary content (NUL byte): not a CSV text file");
        }
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            int at = e.Index >= 0 ? e.Index : 0;
            throw new DataFormatException(displayName, LineOf(bytes, Math.Min(at, bytes.Length - 1)), null, "binary content (invalid UTF-8): not a CSV text file");
        }
    }

    private static int LineOf(ReadOnlySpan<byte> bytes, int offset) => bytes[..offset].Count((byte)'\n') + 1;
}
