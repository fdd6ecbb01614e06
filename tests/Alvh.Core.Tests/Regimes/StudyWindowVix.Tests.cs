using Alvh.Regimes;

namespace Alvh.Core.Tests.Regimes;

public class StudyWindowVixTests
{
    [Fact]
    public void Max_and_band_counts_inside_the_window_only()
    {
        // Made-up closes; the window 2018-q4 is 2018-10-01..2018-12-31.
        DateOnly[] dates = [new(2018, 9, 28), new(2018, 10, 1), new(2018, 10, 2), new(2018, 12, 24), new(2018, 12, 31), new(2019, 1, 2)];
        double[] vix = [50, 12, double.NaN, 36, 25, 60];
        var s = StudyWindowVix.Of(StudyWindows.Get("2018-q4"), dates, vix);
        s.MaxVix.Should().Be(36);
        s.MaxVixDate.Should().Be(new DateOnly(2018, 12, 24));
        s.TradingDays.Should().Be(4);
        s.DaysIn(VixRegime.Calm).Should().Be(1);
        s.DaysIn(VixRegime.High).Should().Be(1);
        s.DaysIn(VixRegime.Extreme).Should().Be(1);
        s.DaysIn(VixRegime.Unknown).Should().Be(1);
        StudyWindowVix.Of(StudyWindows.Get("2008"), dates, vix).MaxVix.Should().BeNull();
    }
}
