using Alvh.Indicators;

namespace Alvh.Core.Tests.Indicators;

/// <summary>Every streaming form equals its batch form bitwise on seeded random series, with and without NaN.</summary>
public class StreamingEqualsBatchTests
{
    public static TheoryData<int, double> Cases => new() { { 1, 0.0 }, { 2, 0.0 }, { 3, 0.02 }, { 4, 0.10 } };

    private static double[] Stream(double[] input, Func<double, double> add) => input.Select(add).ToArray();

    [Theory, MemberData(nameof(Cases))]
    public void Single_series_indicators(int seed, double nanRate)
    {
        var x = TestSeries.RandomWalk(seed, 2000, nanRate);

        var s1 = new SmaStream(20); Stream(x, s1.Add).ShouldEqualBitwise(Sma.Compute(x, 20));
        var s2 = new EmaStream(20); Stream(x, s2.Add).ShouldEqualBitwise(Ema.Compute(x, 20));
        var s3 = new RsiStream(14); Stream(x, s3.Add).ShouldEqualBitwise(Rsi.Compute(x, 14));
        var s4 = new RateOfChangeStream(10); Stream(x, s4.Add).ShouldEqualBitwise(RateOfChange.Compute(x, 10));
        var s5 = new ZScoreStream(60); Stream(x, s5.Add).ShouldEqualBitwise(ZScore.Compute(x, 60));
        var s6 = new PercentRankStream(252); Stream(x, s6.Add).ShouldEqualBitwise(PercentRank.Compute(x, 252));
        var s7 = new RealisedVolatilityStream(21); Stream(x, s7.Add).ShouldEqualBitwise(RealisedVolatility.Compute(x, 21));

        var macd = Macd.Compute(x);
        var ms = new MacdStream();
        var points = x.Select(ms.Add).ToArray();
        points.Select(p => p.Line).ToArray().ShouldEqualBitwise(macd.Line);
        points.Select(p => p.Signal).ToArray().ShouldEqualBitwise(macd.Signal);
        points.Select(p => p.Histogram).ToArray().ShouldEqualBitwise(macd.Histogram);
        points.Select(p => p.Crossover).Should().Equal(macd.Crossovers);

        var bands = Bollinger.Compute(x, 20, 2);
        var bs = new BollingerStream(20, 2);
        var bp = x.Select(bs.Add).ToArray();
        bp.Select(p => p.Middle).ToArray().ShouldEqualBitwise(bands.Middle);
        bp.Select(p => p.Upper).ToArray().ShouldEqualBitwise(bands.Upper);
        bp.Select(p => p.Lower).ToArray().ShouldEqualBitwise(bands.Lower);
    }

    [Theory]
    [InlineData(2, 0.05)]
    [InlineData(3, 0.10)]
    [InlineData(5, 0.08)]
    [InlineData(7, 0.02)]
    public void Short_windows_between_NaNs(int period, double nanRate)
    {
        // Clean runs of every length: the batch loops go four bars at a time within a run and bar by bar
        // at its ends, the streams always bar by bar.
        var x = TestSeries.RandomWalk(period, 3000, nanRate);
        var z = new ZScoreStream(period); Stream(x, z.Add).ShouldEqualBitwise(ZScore.Compute(x, period));
        var v = new RealisedVolatilityStream(period); Stream(x, v.Add).ShouldEqualBitwise(RealisedVolatility.Compute(x, period));
        var bands = Bollinger.Compute(x, period, 1.5);
        var bs = new BollingerStream(period, 1.5);
        var bp = x.Select(bs.Add).ToArray();
        bp.Select(p => p.Middle).ToArray().ShouldEqualBitwise(bands.Middle);
        bp.Select(p => p.Upper).ToArray().ShouldEqualBitwise(bands.Upper);
        bp.Select(p => p.Lower).ToArray().ShouldEqualBitwise(bands.Lower);

        var a = TestSeries.Returns(TestSeries.RandomWalk(period + 7, 3000, nanRate));
        var b = TestSeries.Returns(TestSeries.RandomWalk(period + 8, 3000, nanRate));
        var beta = new RollingBetaStream(period);
        a.Select((r, i) => beta.Add(r, b[i])).ToArray().ShouldEqualBitwise(RollingBeta.Compute(a, b, period));
        var corr = new RollingCorrelationStream(period);
        a.Select((r, i) => corr.Add(r, b[i])).ToArray().ShouldEqualBitwise(RollingCorrelation.Compute(a, b, period));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(60)]
    public void Pair_indicators_restart_at_the_same_bars(int period)
    {
        // Clean runs with 4·256 − 1, 4·256, 4·256 + 1 and 3·4·256 + 5 full windows: the batch runs four
        // 256-bar blocks side by side in vector lanes and the rest block by block, each from an exact
        // restart; the streams restart at the same bars.
        var a = TestSeries.Returns(TestSeries.RandomWalk(31, 8000));
        var b = TestSeries.Returns(TestSeries.RandomWalk(32, 8000));
        int at = 0;
        foreach (int windows in new[] { 1023, 1024, 1025, 3077 })
        {
            at += period - 1 + windows;
            b[at] = double.NaN;
            at++;
        }
        var beta = new RollingBetaStream(period);
        a.Select((r, i) => beta.Add(r, b[i])).ToArray().ShouldEqualBitwise(RollingBeta.Compute(a, b, period));
        var corr = new RollingCorrelationStream(period);
        a.Select((r, i) => corr.Add(r, b[i])).ToArray().ShouldEqualBitwise(RollingCorrelation.Compute(a, b, period));
    }

    [Theory, MemberData(nameof(Cases))]
    public void Bar_and_pair_indicators(int seed, double nanRate)
    {
        var (high, low, close) = TestSeries.RandomBars(seed, 2000, nanRate);
        var atr = new AtrStream(14);
        close.Select((c, i) => atr.Add(high[i], low[i], c)).ToArray().ShouldEqualBitwise(Atr.Compute(high, low, close, 14));
        // Periods 1, 2, 21 and 600: windows shorter than, equal to and longer than the batch's eight-bar step
        // and its 32-bar finishing lag.
        foreach (int period in new[] { 1, 2, 21, 600 })
        {
            var pk = new ParkinsonVolatilityStream(period);
            high.Select((h, i) => pk.Add(h, low[i])).ToArray().ShouldEqualBitwise(ParkinsonVolatility.Compute(high, low, period));
        }

        var a = TestSeries.Returns(TestSeries.RandomWalk(seed + 7, 2000, nanRate));
        var b = TestSeries.Returns(TestSeries.RandomWalk(seed + 8, 2000, nanRate));
        var beta = new RollingBetaStream(60);
        a.Select((r, i) => beta.Add(r, b[i])).ToArray().ShouldEqualBitwise(RollingBeta.Compute(a, b, 60));
        var corr = new RollingCorrelationStream(60);
        a.Select((r, i) => corr.Add(r, b[i])).ToArray().ShouldEqualBitwise(RollingCorrelation.Compute(a, b, 60));

        var random = new Random(seed);
        var adv = a.Select(_ => (double)random.Next(0, 3000)).ToArray();
        var dec = a.Select((_, i) => double.IsNaN(a[i]) ? double.NaN : random.Next(0, 3000)).ToArray();
        var ad = new AdvanceDeclineLineStream();
        var line = adv.Select((v, i) => ad.Add(v, dec[i])).ToArray();
        line.ShouldEqualBitwise(AdvanceDeclineLine.Compute(adv, dec));
        var div = new BreadthDivergenceStream(20);
        close.Select((p, i) => div.Add(p, line[i])).Should().Equal(BreadthDivergence.Compute(close, line, 20));
    }
}
