using System.Globalization;
using Alvh.Calendars;
using Alvh.Data.Readers;
using Alvh.MarketData;

namespace Alvh.Data.Catalog;

/// <summary>Puts the files read into one <see cref="MarketDataSet"/>: calendar, rules, quality checks.</summary>
internal sealed class Assembler
{
    private readonly string _folder;
    private readonly LoadOptions _options;
    private readonly List<KnownFile> _known;
    private readonly object[] _loaded;
    private readonly List<string> _rules;
    private readonly Dictionary<string, List<DataIssue>> _issues = new(StringComparer.Ordinal);

    public Assembler(string folder, LoadOptions options, List<KnownFile> known, object[] loaded, List<string> notes)
    {
        _folder = folder;
        _options = options;
        _known = known;
        _loaded = loaded;
        _rules = [.. notes];
    }

    public MarketDataSet Build()
    {
        var daily = new Dictionary<string, LoadedDaily>(StringComparer.Ordinal);
        for (int i = 0; i < _known.Count; i++)
        {
            Issues(_known[i].File).AddRange(ReaderIssues(_loaded[i]));
            if (_loaded[i] is LoadedDaily d) daily[d.Series.Id] = d;
        }

        var calendar = BuildCalendar(daily);
        var used = new List<LoadedDaily>();
        foreach (var k in _known)
        {
            if (!daily.TryGetValue(k.Id, out var d)) continue;
            d = k.Format == FileFormat.CboeIndex ? DropHolidayRows(d, calendar) : d;
            if (k.Id == "vvix") d = DropBefore(d, _options.VvixUsableFrom);
            if (k.Format == FileFormat.Fred) ReportNonTradingRows(d, calendar);
            CheckQuality(d, calendar);
            used.Add(d);
        }

        var series = used.Select(d => d.Series).ToList();
        int spx = series.FindIndex(s => s.Id == "spx");
        var fred = series.Find(s => s.Id == "spx-fred");
        if (spx >= 0 && fred is not null) series[spx] = SpliceSpx(series[spx], fred);

        var vxFiles = Of<VxFuturesHistory>().Select(v => (Value: DropImplausibleSettles(v.Value, v.Lines), v.Lines)).ToList();
        foreach (var (vx, lines) in vxFiles) DataQuality.VxSettles(vx, lines, calendar, _options.OutlierFor("vx"), Issues(vx.File));
        var mergedVx = MergeVx(vxFiles);
        var continuous = Of<VxContinuousCurve>().FirstOrDefault();
        if (continuous.Value is not null)
        {
            mergedVx = VxContinuousFill.Run(mergedVx, continuous.Value, continuous.Lines, _options.VxOverlapTolerance, Issues(continuous.Value.File), _rules);
        }

        // SPY's list is the named one (or a generically named one); <ticker>-dividends lists belong to basket tickers.
        var allDividends = Of<DividendSeries>().Select(x => x.Value).ToArray();
        foreach (var d in allDividends) CheckDividends(d, calendar);
        var dividends = allDividends.FirstOrDefault(d => d.Id == "spy-dividends") ?? allDividends.FirstOrDefault(d => !d.Id.EndsWith("-dividends", StringComparison.Ordinal));
        var shiller = Of<ShillerMonthly>().FirstOrDefault();
        if (shiller.Value is not null) CheckMonths(shiller.Value, shiller.Lines);

        var infos = new List<SeriesInfo>();
        for (int i = 0; i < _known.Count; i++)
        {
            var k = _known[i];
            var (first, last, rows, format) = Describe(_loaded[i]);
            var issues = Issues(k.File).OrderBy(x => x.Line).ToArray();
            infos.Add(new SeriesInfo(k.Id, k.File, format, first, last, rows, issues));
        }

        return new MarketDataSet(
            _folder,
            calendar,
            series,
            dividends,
            vxFiles.Select(v => v.Value).ToArray(),
            mergedVx,
            Of<VxContinuousCurve>().Select(x => x.Value).FirstOrDefault(),
            shiller.Value,
            Of<EventCalendar>().Select(x => x.Value).ToArray(),
            infos,
            _rules,
            allDividends);
    }

    private List<DataIssue> Issues(string file)
    {
        if (!_issues.TryGetValue(file, out var list)) _issues[file] = list = [];
        return list;
    }

    private List<(T Value, int[] Lines)> Of<T>() where T : class =>
        _loaded.OfType<Loaded<T>>().Select(l => (l.Value, l.Lines ?? [])).ToList();

    private static IReadOnlyList<DataIssue> ReaderIssues(object o) => o switch
    {
        LoadedDaily d => d.Issues,
        Loaded<DividendSeries> x => x.Issues,
        Loaded<ShillerMonthly> x => x.Issues,
        Loaded<VxFuturesHistory> x => x.Issues,
        Loaded<VxContinuousCurve> x => x.Issues,
        Loaded<EventCalendar> x => x.Issues,
        _ => [],
    };

    private static (DateOnly? First, DateOnly? Last, int Rows, string Format) Describe(object o) => o switch
    {
        LoadedDaily d => (d.Series.First, d.Series.Last, d.Series.Count, d.Format),
        Loaded<DividendSeries> x => (x.Value.Dividends.FirstOrDefault().ExDate, x.Value.Dividends.Count == 0 ? null : x.Value.Dividends[^1].ExDate, x.Rows, x.Format),
        Loaded<ShillerMonthly> x => (x.Value.Months.FirstOrDefault(), x.Value.Months.LastOrDefault(), x.Rows, x.Format),
        Loaded<VxFuturesHistory> x => (x.Value.First, x.Value.Last, x.Rows, x.Format),
        Loaded<VxContinuousCurve> x => (x.Value.Dates.FirstOrDefault(), x.Value.Dates.LastOrDefault(), x.Rows, x.Format),
        Loaded<EventCalendar> x => (x.Value.First, x.Value.Last, x.Rows, x.Format),
        _ => (null, null, 0, "?"),
    };

    private TradingCalendar BuildCalendar(Dictionary<string, LoadedDaily> daily)
    {
        var sources = new[] { "spx", "spy", "spx-fred" }.Where(daily.ContainsKey).Select(id => daily[id].Series).ToList();
        if (sources.Count == 0)
        {
            var vix = daily.GetValueOrDefault("vix")?.Series;
            if (vix is null) return new TradingCalendar([]);
            _rules.Add($"calendar: no equity series (spx, spy, spx-fred) in the folder; trading days taken from {vix.File}, which includes Cboe's holiday rows");
            return new TradingCalendar(vix.Dates);
        }
        var days = new SortedSet<DateOnly>();
        foreach (var s in sources)
        {
            for (int i = 0; i < s.Count; i++)
            {
                if (!double.IsNaN(s.Close[i])) days.Add(s.Dates[i]);
            }
        }
        var calendar = new TradingCalendar([.. days]);
        _rules.Add($"calendar: NYSE trading days = dates with a close in {string.Join(", ", sources.Select(s => s.File))} ({calendar.Count} days, {Iso(calendar.First)}..{Iso(calendar.Last)})");
        return calendar;
    }

    private LoadedDaily DropHolidayRows(LoadedDaily d, TradingCalendar calendar)
    {
        if (calendar.Count == 0) return d;
        var keep = new bool[d.Series.Count];
        int dropped = 0;
        for (int i = 0; i < d.Series.Count; i++)
        {
            var date = d.Series.Dates[i];
            bool inRange = date >= calendar.First && date <= calendar.Last;
            // Past the equity data's last day the calendar knows no holidays: the NYSE's rules decide (VIX runs to
            // 2026-07-23, the calendar to 2026-05-29, and Cboe's rows of 2026-06-19 and 2026-07-03 were kept).
            keep[i] = inRange ? calendar.IsTradingDay(date) : date < calendar.First || NyseHolidays.IsBusinessDay(date);
            if (!keep[i])
            {
                dropped++;
                Issues(d.Series.File).Add(new DataIssue(d.Series.File, d.Lines[i], "holiday-row", $"{Iso(date)} is not an NYSE trading day (Cboe publishes global-trading-hours values on US holidays): row dropped"));
            }
        }
        if (dropped == 0) return d;
        _rules.Add($"{d.Series.Id}: {dropped} rows on NYSE holidays dropped ({d.Series.File})");
        return Filter(d, keep);
    }

    private LoadedDaily DropBefore(LoadedDaily d, DateOnly from)
    {
        var keep = d.Series.Dates.Select(x => x >= from).ToArray();
        int dropped = keep.Count(k => !k);
        if (dropped == 0) return d;
        Issues(d.Series.File).Add(new DataIssue(d.Series.File, d.Lines[0], "unreliable", $"{dropped} rows before {Iso(from)} dropped: early history sparse and partly bogus", IssueSeverity.Info));
        _rules.Add($"{d.Series.Id}: {dropped} rows before {Iso(from)} dropped as unreliable ({d.Series.File})");
        return Filter(d, keep);
    }

    private static LoadedDaily Filter(LoadedDaily d, bool[] keep)
    {
        var s = d.Series;
        T[] Pick<T>(T[] a) => a.Where((_, i) => keep[i]).ToArray();
        double[]? PickN(double[]? a) => a is null ? null : Pick(a);
        var series = new DailySeries(s.Id, s.File, Pick(s.Dates), Pick(s.Close), PickN(s.Open), PickN(s.High), PickN(s.Low), PickN(s.Volume));
        return d with { Series = series, Lines = Pick(d.Lines) };
    }

    private void ReportNonTradingRows(LoadedDaily d, TradingCalendar calendar)
    {
        if (calendar.Count == 0) return;
        int n = 0;
        foreach (var date in d.Series.Dates)
        {
            if (date >= calendar.First && date <= calendar.Last && !calendar.IsTradingDay(date)) n++;
        }
        if (n > 0)
        {
            Issues(d.Series.File).Add(new DataIssue(d.Series.File, 0, "non-trading-rows",
                $"{n} rows fall on days the NYSE was closed (FRED keeps its own calendar); kept in the series, unused by the aligned view", IssueSeverity.Info));
        }
    }

    private void CheckQuality(LoadedDaily d, TradingCalendar calendar)
    {
        var into = Issues(d.Series.File);
        DataQuality.Gaps(d.Series, d.Lines, calendar, into);
        if (d.Format == FredReader.Format) DataQuality.NonPositive(d.Series, d.Lines, into);
        DataQuality.Ohlc(d.Series, d.Lines, into);
        // A percentage move means nothing for net advances, which cross zero: a breadth file was reported as 269 outliers
        // of 340 rows ("-200.0%" for -726 to 726).
        if (d.Format != BreadthReader.Format) DataQuality.Outliers(d.Series, d.Lines, _options.OutlierFor(d.Series.Id), into);
    }

    private DailySeries SpliceSpx(DailySeries spx, DailySeries fred)
    {
        int disagree = 0;
        double maxDiff = 0;
        for (int i = 0; i < fred.Count; i++)
        {
            double a = spx.CloseOn(fred.Dates[i]);
            double b = fred.Close[i];
            if (double.IsNaN(a) || double.IsNaN(b)) continue;
            double diff = Math.Abs(a - b);
            if (diff > 0.005) { disagree++; maxDiff = Math.Max(maxDiff, diff); }
        }
        if (disagree > 0)
        {
            Issues(fred.File).Add(new DataIssue(fred.File, 0, "source-disagreement",
                FormattableString.Invariant($"{disagree} closes differ from {spx.File} by more than half a cent (up to {maxDiff:0.00} points); {spx.File} is used where both exist"), IssueSeverity.Info));
        }
        var last = spx.Dates[^1];
        int start = Array.BinarySearch(fred.Dates, last);
        start = start >= 0 ? start + 1 : ~start;
        var tail = Enumerable.Range(start, fred.Count - start).Where(i => !double.IsNaN(fred.Close[i])).ToArray();
        if (tail.Length == 0) return spx;
        int n = spx.Count + tail.Length;
        var dates = new DateOnly[n];
        var close = new double[n];
        var open = new double[n];
        var high = new double[n];
        var low = new double[n];
        var volume = new double[n];
        spx.Dates.CopyTo(dates, 0);
        spx.Close.CopyTo(close, 0);
        Copy(spx.Open, open, spx.Count);
        Copy(spx.High, high, spx.Count);
        Copy(spx.Low, low, spx.Count);
        Copy(spx.Volume, volume, spx.Count);
        for (int j = 0; j < tail.Length; j++)
        {
            int k = spx.Count + j;
            dates[k] = fred.Dates[tail[j]];
            close[k] = fred.Close[tail[j]];
            open[k] = high[k] = low[k] = volume[k] = double.NaN;
        }
        _rules.Add($"spx: OHLC from {spx.File} to {Iso(last)}; closes from {fred.File} for {Iso(dates[spx.Count])}..{Iso(dates[^1])} ({tail.Length} days; open, high, low and volume missing there)");
        return new DailySeries("spx", $"{spx.File}+{fred.File}", dates, close, open, high, low, volume);
    }

    private static void Copy(double[]? from, double[] to, int n)
    {
        if (from is null) to.AsSpan(0, n).Fill(double.NaN);
        else from.CopyTo(to, 0);
    }

    private VxFuturesHistory? MergeVx(List<(VxFuturesHistory Value, int[] Lines)> files)
    {
        if (files.Count == 0) return null;
        var cboe = files.Find(f => f.Value.Id == "vx-cboe");
        var cfe = files.Find(f => f.Value.Id == "vx-cfe");
        if (files.Count == 1 || cboe.Value is null || cfe.Value is null)
        {
            var only = files[0].Value;
            if (files.Count > 1) _rules.Add($"vx: several per-contract files but not the cfe/cboe pair; using {only.File} only");
            return new VxFuturesHistory("vx", only.File, only.TradeDates, only.Expirations, only.Open, only.High, only.Low, only.ClosePrice, only.Settle, only.Volume, only.OpenInterest);
        }
        return new VxMerge(cfe.Value, cfe.Lines, cboe.Value, _options.VxOverlapTolerance, Issues(cfe.Value.File), _rules).Run();
    }

    private VxFuturesHistory DropImplausibleSettles(VxFuturesHistory h, int[] lines)
    {
        double min = _options.VxMinimumPlausibleSettle, max = _options.VxMaximumPlausibleSettle;
        var settle = (double[])h.Settle.Clone();
        int low = 0, high = 0;
        for (int i = 0; i < settle.Length; i++)
        {
            if (settle[i] < min || settle[i] > max)
            {
                string why = settle[i] < min ? FormattableString.Invariant($"below {min}") : FormattableString.Invariant($"above {max}");
                Issues(h.File).Add(new DataIssue(h.File, lines.Length > i ? lines[i] : 0, "implausible-settle",
                    FormattableString.Invariant($"{Iso(h.TradeDates[i])} contract {Iso(h.Expirations[i])}: settle {settle[i]} is {why} VIX points: read as missing")));
                if (settle[i] < min) low++;
                else high++;
                settle[i] = double.NaN;
            }
        }
        if (low + high == 0) return h;
        if (low > 0) _rules.Add(FormattableString.Invariant($"{h.Id}: {low} settles below {min} VIX points read as missing ({h.File})"));
        if (high > 0) _rules.Add(FormattableString.Invariant($"{h.Id}: {high} settles above {max} VIX points read as missing ({h.File})"));
        return new VxFuturesHistory(h.Id, h.File, h.TradeDates, h.Expirations, h.Open, h.High, h.Low, h.ClosePrice, settle, h.Volume, h.OpenInterest);
    }

    private void CheckDividends(DividendSeries dividends, TradingCalendar calendar)
    {
        if (calendar.Count == 0) return;
        foreach (var d in dividends.Dividends)
        {
            if (d.ExDate >= calendar.First && d.ExDate <= calendar.Last && !calendar.IsTradingDay(d.ExDate))
            {
                Issues(dividends.File).Add(new DataIssue(dividends.File, 0, "non-trading-day", $"ex-date {Iso(d.ExDate)} is not an NYSE trading day"));
            }
        }
    }

    private void CheckMonths(ShillerMonthly shiller, int[] lines)
    {
        for (int i = 1; i < shiller.Count; i++)
        {
            var expected = shiller.Months[i - 1].AddMonths(1);
            if (shiller.Months[i] != expected)
            {
                Issues(shiller.File).Add(new DataIssue(shiller.File, lines.Length > i ? lines[i] : 0, "gap", $"months missing between {Iso(shiller.Months[i - 1])} and {Iso(shiller.Months[i])}"));
            }
        }
    }

    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
