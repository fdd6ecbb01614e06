using Alvh.Data.Csv;
using Alvh.Data.Readers;
using Alvh.MarketData;

namespace Alvh.Data.Catalog;

/// <summary>
/// Loads every series a data folder holds into a <see cref="MarketDataSet"/>: files read in
/// parallel, the NYSE trading calendar derived from the equity data (SPX, SPY and the FRED S&amp;P 500
/// closes), the explicit data rules applied and stated (SPX splice, Cboe holiday rows dropped, early
/// VVIX dropped, VX files merged), and the quality checks run on each series. Bad input raises
/// <see cref="DataFormatException"/> naming file, line and field; nothing is skipped silently.
/// </summary>
public static class MarketDataLoader
{
    private static readonly string[] EquityIds = ["spx", "spy", "spx-fred"];

    /// <summary>Loads the folder with the default rules.</summary>
    public static MarketDataSet Load(string folder) => Load(folder, LoadOptions.Default);

    /// <summary>Loads the folder.</summary>
    public static MarketDataSet Load(string folder, LoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Directory.Exists(folder)) throw new DataFolderException($"data folder {folder} does not exist");
        // Entries, not just files: a directory named like a data file is bad input, not something to skip.
        var paths = Directory.GetFileSystemEntries(folder, "*.csv");
        Array.Sort(paths, StringComparer.Ordinal);

        var known = new List<KnownFile>();
        var notes = new List<string>();
        foreach (var path in paths)
        {
            var k = FileRecognizer.Recognise(path, FirstLine(path));
            if (k is null) notes.Add($"{Path.GetFileName(path)}: not a recognised format; not loaded");
            else known.Add(k);
        }
        foreach (var dup in known.GroupBy(k => k.Id).Where(g => g.Count() > 1))
        {
            var files = dup.Select(k => k.File).ToArray();
            throw new DataFormatException(files[1], 0, null, $"series '{dup.Key}' is given by more than one file ({string.Join(", ", files)}); keep one");
        }

        var loaded = ReadAll(known);
        return new Assembler(folder, options, known, loaded, notes).Build();
    }

    private static object[] ReadAll(List<KnownFile> known)
    {
        var results = new object[known.Count];
        var errors = new Exception?[known.Count];
        Parallel.For(0, known.Count, i =>
        {
            try
            {
                results[i] = Read(known[i], requireRows: !MayBeEmpty(known[i]));
            }
            catch (Exception e) when (e is DataFormatException)
            {
                errors[i] = e;
            }
        });
        // Deterministic: the first failing file in name order is reported.
        foreach (var e in errors)
        {
            if (e is not null) throw e;
        }
        return results;
    }

    /// <summary>Reads one recognised file with its format's reader (the file name is used in messages).</summary>
    /// <param name="k">The file.</param>
    /// <param name="requireRows">
    /// Refuse a file with a header and no data rows. The catalog does: such a file (a truncated copy, a download cut
    /// after its first line) loaded as an empty series, which crashed the SPX splice (an internal error) and left
    /// VIX empty for <c>regimes</c> and <c>indicators</c> with exit 0, while an empty file was already refused. The
    /// fetcher's validation does not: it reports a header-only download in its own words.
    /// </param>
    internal static object Read(KnownFile k, bool requireRows = false)
    {
        var text = CsvFile.ReadText(k.Path, k.File);
        if (requireRows && !HasDataRow(text))
        {
            throw new DataFormatException(k.File, 2, null, "a header row and no data rows (expected a header row and data rows; a truncated file?)");
        }
        return k.Format switch
        {
            FileFormat.CboeIndex => CboeIndexReader.Parse(text, k.Id, k.File),
            FileFormat.Fred => FredReader.Parse(text, k.Id, k.File),
            FileFormat.YahooOhlcv => YahooOhlcvReader.Parse(text, k.Id, k.File),
            FileFormat.Dividends => DividendReader.Parse(text, k.Id, k.File),
            FileFormat.Shiller => ShillerReader.Parse(text, k.Id, k.File),
            FileFormat.VxContracts => VxFuturesReader.Parse(text, k.Id, k.File),
            FileFormat.VxContinuous => VxContinuousReader.Parse(text, k.Id, k.File),
            FileFormat.Events => EventCalendarReader.Parse(text, k.Id, k.File),
            FileFormat.Breadth => BreadthReader.Parse(text, k.Id, k.File),
            _ => throw new InvalidOperationException($"no reader for {k.Format}"),
        };
    }

    /// <summary>
    /// True for a file whose header alone is a complete answer: a DRIP basket ticker's dividend list
    /// (<c>xyz-dividends.csv</c>), which for a ticker that pays none is its header (Yahoo's download of a non-payer).
    /// The whole folder failed to load over it, although the basket's key asks for the file. SPY's list and the price
    /// series are refused without rows.
    /// </summary>
    private static bool MayBeEmpty(KnownFile k) =>
        k.Format == FileFormat.Dividends && k.Id.EndsWith("-dividends", StringComparison.Ordinal) && k.Id != "spy-dividends";

    /// <summary>True when a non-blank line follows the header.</summary>
    private static bool HasDataRow(string text)
    {
        int newline = text.IndexOf('\n');
        return newline >= 0 && !text.AsSpan(newline + 1).Trim().IsEmpty;
    }

    private static string? FirstLine(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            return reader.ReadLine();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    internal static bool IsEquity(string id) => EquityIds.Contains(id);
}
