using System.Globalization;
using Alvh.MarketData;

namespace Alvh.Data.Readers;

/// <summary>
/// Accumulates the rows of a daily file in order and enforces the rules every daily format shares:
/// dates strictly increasing (an earlier date is an error: "dates out of order"), and a repeated
/// date is dropped with a finding when its values are identical, an error when they differ.
/// Keeps each row's physical line for the quality report.
/// </summary>
public sealed class DailyRows
{
    private readonly string _file;
    private readonly List<DateOnly> _dates = new(10_000);
    private readonly List<int> _lines = new(10_000);
    private readonly List<double>[] _columns;
    private readonly string[] _names;

    /// <summary>Creates a builder for the named value columns.</summary>
    public DailyRows(string file, params string[] columnNames)
    {
        _file = file;
        _names = columnNames;
        _columns = columnNames.Select(_ => new List<double>(10_000)).ToArray();
    }

    /// <summary>Findings made while adding rows (identical duplicates dropped).</summary>
    public List<DataIssue> Issues { get; } = [];

    /// <summary>Rows kept.</summary>
    public int Count => _dates.Count;

    /// <summary>Adds one row; <paramref name="values"/> follow the column names given to the constructor.</summary>
    public void Add(DateOnly date, int line, ReadOnlySpan<double> values)
    {
        int n = _dates.Count;
        if (n > 0)
        {
            var last = _dates[n - 1];
            if (date < last)
            {
                throw new DataFormatException(_file, line, "date",
                    $"dates out of order: {Iso(date)} follows {Iso(last)} (line {_lines[n - 1]})");
            }
            if (date == last)
            {
                for (int c = 0; c < values.Length; c++)
                {
                    double prev = _columns[c][n - 1];
                    if (!(prev.Equals(values[c])))
                    {
                        throw new DataFormatException(_file, line, _names[c],
                            $"duplicate date {Iso(date)} with different values: {Fmt(prev)} at line {_lines[n - 1]}, {Fmt(values[c])} here");
                    }
                }
                Issues.Add(new DataIssue(_file, line, "duplicate", $"duplicate row for {Iso(date)} (identical to line {_lines[n - 1]}), dropped"));
                return;
            }
        }
        _dates.Add(date);
        _lines.Add(line);
        for (int c = 0; c < values.Length; c++) _columns[c].Add(values[c]);
    }

    /// <summary>The dates kept.</summary>
    public DateOnly[] Dates() => _dates.ToArray();

    /// <summary>The physical line of each row kept.</summary>
    public int[] Lines() => _lines.ToArray();

    /// <summary>The values of column <paramref name="index"/>.</summary>
    public double[] Column(int index) => _columns[index].ToArray();

    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Fmt(double v) => double.IsNaN(v) ? "missing" : v.ToString("R", CultureInfo.InvariantCulture);
}
