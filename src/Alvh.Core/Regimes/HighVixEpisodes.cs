namespace Alvh.Regimes;

/// <summary>Finds high-VIX episodes in a VIX close series (see <see cref="HighVixEpisodeRule"/>).</summary>
public static class HighVixEpisodes
{
    /// <summary>
    /// The episodes found on the whole of <paramref name="vix"/> that touch [<paramref name="first"/>,
    /// <paramref name="last"/>], each with the part of it inside (an episode under way at the period's start keeps its own
    /// start and peak; found inside the period it was named by the period's first day). One still open runs to the
    /// series' last date. The study's windows and a backtest's sleeve records read episodes so.
    /// </summary>
    public static IReadOnlyList<(HighVixEpisode Episode, DateOnly From, DateOnly To)> Within(ReadOnlySpan<DateOnly> dates, ReadOnlySpan<double> vix,
        DateOnly first, DateOnly last, HighVixEpisodeRule? rule = null)
    {
        var within = new List<(HighVixEpisode, DateOnly, DateOnly)>();
        if (dates.Length == 0) return within;
        DateOnly seriesEnd = dates[^1];
        foreach (var e in Find(dates, vix, rule))
        {
            var end = e.End ?? seriesEnd;
            if (end < first || e.Start > last) continue;
            within.Add((e, e.Start < first ? first : e.Start, end > last ? last : end));
        }
        return within;
    }

    /// <summary>
    /// The episodes of <paramref name="vix"/> (closes on <paramref name="dates"/>, oldest first). NaN
    /// closes are ignored: they neither start, extend the peak of, count towards nor reset an exit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The rule's thresholds are NaN or inverted, or <c>ExitDays</c> is below 1.</exception>
    public static IReadOnlyList<HighVixEpisode> Find(ReadOnlySpan<DateOnly> dates, ReadOnlySpan<double> vix, HighVixEpisodeRule? rule = null)
    {
        rule ??= HighVixEpisodeRule.Default;
        if (vix.Length != dates.Length) throw new ArgumentException("vix length differs from dates", nameof(vix));
        if (double.IsNaN(rule.EntryAbove)) throw new ArgumentOutOfRangeException(nameof(rule), "EntryAbove must not be NaN");
        if (!(rule.ExitBelow <= rule.EntryAbove)) throw new ArgumentOutOfRangeException(nameof(rule), rule.ExitBelow, "ExitBelow must not exceed EntryAbove");
        if (rule.ExitDays < 1) throw new ArgumentOutOfRangeException(nameof(rule), rule.ExitDays, "ExitDays must be at least 1");

        var episodes = new List<HighVixEpisode>();
        int start = -1, peak = -1, below = 0;
        for (int i = 0; i < vix.Length; i++)
        {
            double v = vix[i];
            if (double.IsNaN(v)) continue;
            if (start < 0)
            {
                if (v > rule.EntryAbove)
                {
                    start = i;
                    peak = i;
                    below = 0;
                }
                continue;
            }
            if (v > vix[peak]) peak = i;
            below = v < rule.ExitBelow ? below + 1 : 0;
            if (below == rule.ExitDays)
            {
                episodes.Add(new HighVixEpisode(dates[start], dates[peak], vix[peak], dates[i], start, peak, i));
                start = -1;
            }
        }
        if (start >= 0) episodes.Add(new HighVixEpisode(dates[start], dates[peak], vix[peak], null, start, peak, null));
        return episodes;
    }
}
