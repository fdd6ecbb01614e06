using System.Text.RegularExpressions;

namespace Alvh.Data.Catalog;

/// <summary>
/// Decides what a CSV file in the data folder is: first by name (the names of <c>../shared/data</c>,
/// of <c>alvh data fetch</c>, and of the providers' own downloads such as Cboe's
/// <c>VIX_History.csv</c> or FRED's <c>DTB3.csv</c>), then by header for any other name. The series id
/// is the file stem in lower case without <c>-daily</c> / <c>_History</c> suffixes: any ticker's Yahoo file
/// <c>xyz-daily.csv</c> loads as series <c>xyz</c> and its <c>xyz-dividends.csv</c> as dividend list
/// <c>xyz-dividends</c> (for DRIP baskets).
/// </summary>
public static partial class FileRecognizer
{
    private static readonly (Regex Name, string Id, FileFormat Format)[] ByName =
    [
        (SpxName(), "spx", FileFormat.YahooOhlcv),
        (SpyName(), "spy", FileFormat.YahooOhlcv),
        (SpyDividendsName(), "spy-dividends", FileFormat.Dividends),
        (SpxFredName(), "spx-fred", FileFormat.Fred),
        (Dtb3Name(), "dtb3", FileFormat.Fred),
        (DffName(), "dff", FileFormat.Fred),
        (CboeIndexName(), "", FileFormat.CboeIndex),
        (ShillerName(), "shiller", FileFormat.Shiller),
        (VxCfeName(), "vx-cfe", FileFormat.VxContracts),
        (VxCboeName(), "vx-cboe", FileFormat.VxContracts),
        (VxContinuousName(), "vx-continuous", FileFormat.VxContinuous),
        (FomcName(), "fomc", FileFormat.Events),
    ];

    /// <summary>
    /// Recognises a file by name, else by its header line; null when the file is neither.
    /// </summary>
    /// <param name="path">Full path.</param>
    /// <param name="headerLine">The file's first line (null when unreadable: then only the name counts).</param>
    public static KnownFile? Recognise(string path, string? headerLine)
    {
        var file = System.IO.Path.GetFileName(path);
        var stem = System.IO.Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        foreach (var (name, id, format) in ByName)
        {
            var m = name.Match(stem);
            if (!m.Success) continue;
            var seriesId = id.Length > 0 ? id : Canonical(m.Groups[1].Value);
            return new KnownFile(path, file, seriesId, format);
        }
        if (headerLine is null) return null;
        var header = headerLine.Trim().TrimStart('\uFEFF').ToLowerInvariant().Split(',').Select(h => h.Trim().Trim('"')).ToArray();
        var generic = IdFromStem(stem);
        if (header.Length >= 2 && header[0] == "date" && header.Contains("event")) return new KnownFile(path, file, generic, FileFormat.Events);
        if (header.Contains("advances") && header.Contains("declines")) return new KnownFile(path, file, "breadth", FileFormat.Breadth);
        if (header.Contains("start_date") && header.Contains("end_date")) return new KnownFile(path, file, generic, FileFormat.Events);
        if (header.Contains("trade_date") && header.Contains("expiration") && header.Contains("settle")) return new KnownFile(path, file, generic, FileFormat.VxContracts);
        if (header.Length >= 3 && header[0] == "date" && header[1] == "vix" && header[2] == "vx1") return new KnownFile(path, file, generic, FileFormat.VxContinuous);
        if (header.Contains("ex_date")) return new KnownFile(path, file, generic, FileFormat.Dividends);
        // Yahoo's dividend download ("Date,Dividends") and any date-first list named <ticker>-dividends.
        if (header[0] == "date" && (header.Contains("dividends") || header.Contains("dividend"))) return new KnownFile(path, file, generic, FileFormat.Dividends);
        if (stem.EndsWith("-dividends", StringComparison.Ordinal) && header[0] is "date" or "ex-date" or "exdate") return new KnownFile(path, file, generic, FileFormat.Dividends);
        if (header[0] == "date" && header.Contains("open") && header.Contains("close") && header.Contains("volume")) return new KnownFile(path, file, generic, FileFormat.YahooOhlcv);
        if (header[0] == "date" && header.Contains("close")) return new KnownFile(path, file, generic, FileFormat.CboeIndex);
        if (header.Length == 2 && header[0] == "observation_date") return new KnownFile(path, file, generic, FileFormat.Fred);
        if (header.Length == 2 && header[0] == "date") return new KnownFile(path, file, generic, FileFormat.CboeIndex);
        return null;
    }

    /// <summary>Series id from a file stem: lower case, without <c>-daily</c> or <c>_history</c>.</summary>
    public static string IdFromStem(string stem)
    {
        stem = stem.ToLowerInvariant();
        foreach (var suffix in (string[])["-daily", "_history", "-history"])
        {
            if (stem.EndsWith(suffix, StringComparison.Ordinal)) return stem[..^suffix.Length];
        }
        return stem;
    }

    private static string Canonical(string cboeName) => cboeName switch
    {
        "vxv" => "vix3m",
        "vxmt" => "vix6m",
        _ => cboeName,
    };

    // Generated at build time: compiled at run time (RegexOptions.Compiled), the twelve emitted IL and were JIT-compiled on
    // every start of every command that reads a data folder.
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    [GeneratedRegex("^(spx-daily|spx|gspc|\\^gspc)$", Options)]
    private static partial Regex SpxName();

    [GeneratedRegex("^(spy-daily|spy)$", Options)]
    private static partial Regex SpyName();

    [GeneratedRegex("^(spy-dividends|spy_dividends)$", Options)]
    private static partial Regex SpyDividendsName();

    [GeneratedRegex("^(spx-fred-close-daily|sp500|fred-sp500)$", Options)]
    private static partial Regex SpxFredName();

    [GeneratedRegex("^(dtb3-daily|dtb3)$", Options)]
    private static partial Regex Dtb3Name();

    [GeneratedRegex("^(dff-daily|dff)$", Options)]
    private static partial Regex DffName();

    [GeneratedRegex("^(vix|vix9d|vix3m|vxv|vix6m|vxmt|vvix|skew)(-daily|_history)$", Options)]
    private static partial Regex CboeIndexName();

    [GeneratedRegex("^shiller.*$", Options)]
    private static partial Regex ShillerName();

    [GeneratedRegex("^vix-futures-cfe.*$", Options)]
    private static partial Regex VxCfeName();

    [GeneratedRegex("^vix-futures-cboe.*$", Options)]
    private static partial Regex VxCboeName();

    [GeneratedRegex("^vix-futures-continuous.*$", Options)]
    private static partial Regex VxContinuousName();

    [GeneratedRegex("^fomc.*$", Options)]
    private static partial Regex FomcName();

}
