namespace Alvh.MarketData;

/// <summary>
/// Input that cannot be read: the message names the file, the 1-based line (0 for the whole
/// file) and the field. The CLI maps it to exit code 2.
/// </summary>
public sealed class DataFormatException : Exception
{
    /// <summary>Creates the exception; the message is composed as <c>file:line: field: reason</c>.</summary>
    public DataFormatException(string file, int line, string? field, string reason)
        : base(Compose(file, line, field, reason))
    {
        File = file;
        Line = line;
        Field = field;
        Reason = reason;
    }

    /// <summary>The file that failed.</summary>
    public string File { get; }

    /// <summary>1-based line, 0 when the problem concerns the whole file.</summary>
    public int Line { get; }

    /// <summary>Column name, or null when the problem is not about one field.</summary>
    public string? Field { get; }

    /// <summary>The reason alone, without location.</summary>
    public string Reason { get; }

    private static string Compose(string file, int line, string? field, string reason)
    {
        var location = line > 0 ? $"{file}:{line}" : file;
        return field is null ? $"{location}: {reason}" : $"{location}: field '{field}': {reason}";
    }
}
