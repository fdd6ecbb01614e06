using Alvh.MarketData;
using nietras.SeparatedValues;

namespace Alvh.Data.Csv;

/// <summary>
/// A comma-separated file with a header row, read through Sep. Resolves columns by any of their
/// accepted names (case-insensitive) and reports missing columns by name. Rows are iterated with
/// their 1-based physical line numbers (the header is line 1).
/// </summary>
public sealed class CsvTable : IDisposable
{
    private readonly SepReader _reader;
    private readonly string[] _columns;

    private CsvTable(string file, SepReader reader)
    {
        File = file;
        _reader = reader;
        _columns = reader.Header.ColNames.Select(c => c.Trim()).ToArray();
        // A trailing comma in the header names no column (the rows then end with an empty field too).
        int named = _columns.Length;
        while (named > 1 && _columns[named - 1].Length == 0) named--;
        if (named < _columns.Length) _columns = _columns[..named];
    }

    /// <summary>Name of the file in messages.</summary>
    public string File { get; }

    /// <summary>Header column names, trimmed.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>The Sep reader to iterate rows with <c>foreach</c>.</summary>
    public SepReader Rows => _reader;

    /// <summary>Opens text already read (see <see cref="CsvFile"/>) as a table.</summary>
    public static CsvTable FromText(string text, string file)
    {
        var reader = Sep.New(',').Reader(o => o with { DisableColCountCheck = true, Unescape = true, Trim = SepTrim.All }).FromText(text);
        if (!reader.HasHeader || reader.Header.ColNames.Count == 0)
        {
            reader.Dispose();
            throw new DataFormatException(file, 1, null, "missing header row");
        }
        return new CsvTable(file, reader);
    }

    /// <summary>Reads and opens a file in one step.</summary>
    public static CsvTable Open(string path, string file) => FromText(CsvFile.ReadText(path, file), file);

    /// <summary>Index of the first column matching one of <paramref name="names"/>, or -1.</summary>
    public int Find(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            for (int i = 0; i < _columns.Length; i++)
            {
                if (string.Equals(_columns[i], name, StringComparison.OrdinalIgnoreCase)) return i;
            }
        }
        return -1;
    }

    /// <summary>Index of a required column; throws naming the column when the header lacks it.</summary>
    public int Require(params ReadOnlySpan<string> names)
    {
        int i = Find(names);
        if (i >= 0) return i;
        var expected = names.Length == 1 ? $"'{names[0]}'" : "one of " + string.Join(", ", names.ToArray().Select(n => $"'{n}'"));
        throw new DataFormatException(File, 1, names[0], $"missing header column (expected {expected}; header is '{string.Join(",", _columns)}')");
    }

    /// <summary>Throws when a row has fewer columns than the highest index the reader needs.</summary>
    public void RequireColumns(in SepReader.Row row, int maxIndex)
    {
        // A quote left open ("unclosed) made its field run over every line to the next quote, or to the end of the file:
        // those rows were read as one and the rest of the file was gone without a word. No format here quotes a line
        // break, so a row over more than one line is an error at its first line, naming the field.
        if (row.LineNumberToExcl - row.LineNumberFrom > 1)
        {
            int col = 0;
            while (col < row.ColCount - 1 && row[col].Span.IndexOfAny('\n', '\r') < 0) col++;
            throw new DataFormatException(File, row.LineNumberFrom, _columns[Math.Min(col, _columns.Length - 1)],
                "a quoted field runs on past the end of its line (an unclosed quote?); a row is one line");
        }
        if (row.ColCount <= maxIndex || row.ColCount < _columns.Length)
        {
            bool blank = row.ColCount == 1 && row[0].Span.Trim().IsEmpty;
            throw new DataFormatException(File, row.LineNumberFrom, _columns[Math.Min(row.ColCount, _columns.Length - 1)],
                blank ? "blank line (a data file has one row per line, with no empty lines)" : $"row has {row.ColCount} fields, the header has {_columns.Length}");
        }
        // A row with more fields than the header has no column for the extra ones: the row is shifted or two rows ran
        // together, and reading it by position would take the wrong values. (An empty trailing field, a trailing comma,
        // is allowed.)
        if (row.ColCount > _columns.Length && !(row.ColCount == _columns.Length + 1 && row[_columns.Length].Span.Trim().IsEmpty))
        {
            throw new DataFormatException(File, row.LineNumberFrom, _columns[^1], $"row has {row.ColCount} fields, the header has {_columns.Length}");
        }
    }

    /// <summary>Column name by index, for messages.</summary>
    public string Name(int index) => _columns[index];

    /// <inheritdoc />
    public void Dispose() => _reader.Dispose();
}
