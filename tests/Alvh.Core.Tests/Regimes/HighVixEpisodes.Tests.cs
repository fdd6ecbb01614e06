using Alvh.Regimes;

namespace Alvh.Core.Tests.Regimes;

public class HighVixEpisodesTests
{
    private static DateOnly[] Days(int n) => Enumerable.Range(0, n).Select(i => new DateOnly(2030, 1, 1).AddDays(i)).ToArray();

    [Fact]
    public void Hysteresis_start_peak_and_end()
    {
        // Synthetic. Rule: enter > 25, end on the 3rd consecutive close < 20.
        // Day 2 enters (26); peak 40 on day 4; day 6–7 below 20 but day 8 at 22 resets; days 9, 11 and 12 are the
        // next three closes below 20 (day 10's NaN neither counts nor resets), so it ends on day 12.
        // Day 13 re-enters and the data end inside the episode.
        double[] vix = [18, 24, 26, 30, 40, 28, 19, 18, 22, 19, double.NaN, 18, 17, 27, 29];
        var rule = new HighVixEpisodeRule(EntryAbove: 25, ExitBelow: 20, ExitDays: 3);
        var dates = Days(vix.Length);
        var episodes = HighVixEpisodes.Find(dates, vix, rule);
        episodes.Should().HaveCount(2);
        episodes[0].Should().Be(new HighVixEpisode(dates[2], dates[4], 40, dates[12], 2, 4, 12));
        episodes[1].Start.Should().Be(dates[13]);
        episodes[1].PeakDate.Should().Be(dates[14]);
        episodes[1].IsOpen.Should().BeTrue();
    }

    /// <summary>
    /// The episodes of the series above cut to a period, worked by hand: days 5–14 hold the end of the first (days 2–12, so
    /// days 5–12) and the open second (day 13 to the series' last day, 14); days 0–1 hold none; days 13–13 hold the second
    /// from day 13 to 13. Each keeps its own start and peak.
    /// </summary>
    [Fact]
    public void Episodes_within_a_period_are_cut_to_it_and_keep_their_own_start()
    {
        double[] vix = [18, 24, 26, 30, 40, 28, 19, 18, 22, 19, double.NaN, 18, 17, 27, 29];
        var rule = new HighVixEpisodeRule(EntryAbove: 25, ExitBelow: 20, ExitDays: 3);
        var dates = Days(vix.Length);
        var late = HighVixEpisodes.Within(dates, vix, dates[5], dates[14], rule);
        late.Select(w => (w.Episode.Start, w.From, w.To)).Should().Equal((dates[2], dates[5], dates[12]), (dates[13], dates[13], dates[14]));
        late[0].Episode.PeakDate.Should().Be(dates[4], "the peak before the period is the episode's own");
        HighVixEpisodes.Within(dates, vix, dates[0], dates[1], rule).Should().BeEmpty();
        HighVixEpisodes.Within(dates, vix, dates[13], dates[13], rule).Select(w => (w.From, w.To)).Should().Equal((dates[13], dates[13]));
    }

    [Fact]
    public void Calm_series_has_no_episode_and_threshold_is_strict()
    {
        HighVixEpisodes.Find(Days(5), [25.0, 25, 12, 13, 25]).Should().BeEmpty();
    }

    [Fact]
    public void Rejects_inverted_thresholds()
    {
        var act = () => HighVixEpisodes.Find(Days(1), [30.0], new HighVixEpisodeRule(EntryAbove: 20, ExitBelow: 25));
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("rule");
    }
}
