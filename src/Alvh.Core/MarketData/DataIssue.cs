namespace Alvh.MarketData;

/// <summary>How serious a data issue is.</summary>
public enum IssueSeverity
{
    /// <summary>Informational: a documented quirk handled by an explicit rule.</summary>
    Info,

    /// <summary>Worth a look: a gap, an outlier, a value treated as missing.</summary>
    Warning,
}

/// <summary>
/// One finding about a data file: where it is (file, 1-based line; 0 when it concerns the whole
/// file) and what it is. Findings never stop a load; bad input that cannot be read raises
/// <see cref="DataFormatException"/> instead.
/// </summary>
/// <param name="File">File name as found in the data folder.</param>
/// <param name="Line">1-based physical line (the header is line 1); 0 for the whole file.</param>
/// <param name="Kind">Short machine-readable category, e.g. <c>gap</c>, <c>holiday-row</c>, <c>outlier</c>.</param>
/// <param name="Message">Plain-words description with the values involved.</param>
/// <param name="Severity">Info for documented, handled quirks; warning otherwise.</param>
public readonly record struct DataIssue(string File, int Line, string Kind, string Message, IssueSeverity Severity = IssueSeverity.Warning);
