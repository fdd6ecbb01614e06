using Alvh.Regimes;

namespace Alvh.Core.Tests.Regimes;

public class VixSpikesTests
{
    [Fact]
    public void Rise_over_the_lookback_minimum()
    {
        // Synthetic; the base is the lowest finite close of the 5 days before (VixSpikeRule.LookbackDays), the
        // threshold +30 % (MinRise). By hand: day 5, 17 over the low 13 of days 0–4 is +30.8 % (spike); day 6, 16/13 is
        // +23.1 %; day 7, 18 over the low 14 of days 2–6 is +28.6 %, just short (no spike); day 8 is NaN (never a spike);
        // day 9, 30 over the low 16 of days 4–8 (the NaN ignored) is +87.5 % (spike).
        double[] vix = [14, 13, 14, 15, 16, 17, 16, 18, double.NaN, 30];
        var spikes = VixSpikes.Detect(vix, new VixSpikeRule(ZScoreWindow: 0));
        spikes.Should().Equal(false, false, false, false, false, true, false, false, false, true);
    }

    [Fact]
    public void Z_score_catches_a_jump_from_an_elevated_base()
    {
        // 60 days around 30 with tiny noise, then 34: only +13 % (rise test off) but many σ.
        var vix = Enumerable.Range(0, 60).Select(i => 30 + 0.1 * (i % 3)).Append(34).ToArray();
        var spikes = VixSpikes.Detect(vix);
        spikes[..60].Should().OnlyContain(x => !x);
        spikes[60].Should().BeTrue();
    }
}
