using Alvh.MarketData;

namespace Alvh.Data.Catalog;

/// <summary>
/// Checks a file with the same reader the catalog would use for its name, so that a download is
/// only moved into the data folder when Alvh can read it.
/// </summary>
public static class FileValidator
{
    /// <summary>
    /// Reads <paramref name="path"/> as the file <paramref name="targetName"/> would be read; returns
    /// null when it reads cleanly, else the error (file, line, field, reason).
    /// </summary>
    public static string? Validate(string path, string targetName)
    {
        var known = FileRecognizer.Recognise(targetName, FirstLine(path));
        if (known is null) return $"{targetName}: not a recognised format";
        try
        {
            _ = MarketDataLoader.Read(known with { Path = path });
            return null;
        }
        catch (DataFormatException e)
        {
            return e.Message;
        }
    }

    private static string? FirstLine(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            return reader.ReadLine();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
