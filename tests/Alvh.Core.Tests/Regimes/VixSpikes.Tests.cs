using Alvh.Regimes;

namespace Alvh.Core.Tests.Regimes;

public class VixSpikesTests
{
    [Fact]
    public void Rise_over_the_lookback_minimum()
    {
        // Synthetic: 13 → 17 is +30.8 % over the 5-day low of 13 (spike); 16 → 18 is only +12.5 %.
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
