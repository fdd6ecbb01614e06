using Alvh.Data.Csv;
using Alvh.MarketData;

namespace Alvh.Data.Readers;

/// <summary>
/// A continuous VIX futures file: <c>DATE,VIX,VX1,...,VXn[,SP500]</c>, where VXk is the settlement of
/// the k-th nearest unexpired monthly contract. Empty fields are missing (NaN); present values must be
/// positive.
/// </summary>
public static class VxContinuousReader
{
    /// <summary>Format name.</summary>
    public const string Format = "vx-continuous";

    /// <summary>Reads a continuous VX file from disk.</summary>
    public static Loaded<VxContinuousCurve> Read(string path, string id, string? file = null)
    {
        file ??= Path.GetFileName(path);
        return Parse(CsvFile.ReadText(path, file), id, file);
    }

    /// <summary>Parses continuous VX text.</summary>
    public static Loaded<VxContinuousCurve> Parse(string text, string id, string file)
    {
        using var csv = CsvTable.FromText(text, file);
        int iDate = csv.Require("DATE", "Date");
        int iVix = csv.Require("VIX");
        var vx = new List<int>();
        for (int k = 1; ; k++)
        {
            int i = csv.Find($"VX{k}");
            if (i < 0) break;
            vx.Add(i);
        }
        if (vx.Count == 0) csv.Require("VX1");
        int iSpx = csv.Find("SP500", "SPX");
        var names = new List<string> { "VIX" };
        names.AddRange(vx.Select(csv.Name));
        names.Add("SP500");
        var idx = new List<int> { iVix };
        idx.AddRange(vx);
        idx.Add(iSpx);
        int max = Math.Max(iDate, idx.Max());
        var rows = new DailyRows(file, [.. names]);
        var v = new double[idx.Count];
        foreach (var row in csv.Rows)
        {
            int line = row.LineNumberFrom;
            csv.RequireColumns(row, max);
            var date = CsvField.Date(row[iDate].Span, file, line, csv.Name(iDate));
            for (int c = 0; c < idx.Count; c++)
            {
                if (idx[c] < 0) { v[c] = double.NaN; continue; }
                double x = CsvField.NumberOrMissing(row[idx[c]].Span, file, line, csv.Name(idx[c]));
                if (x <= 0) throw new DataFormatException(file, line, csv.Name(idx[c]), $"price must be positive, got {x}");
                v[c] = x;
            }
            rows.Add(date, line, v);
        }
        var settles = Enumerable.Range(1, vx.Count).Select(rows.Column).ToArray();
        var curve = new VxContinuousCurve(id, file, rows.Dates(), rows.Column(0), settles, rows.Column(idx.Count - 1));
        return new Loaded<VxContinuousCurve>(curve, Format, rows.Count, rows.Issues, rows.Lines());
    }
}
