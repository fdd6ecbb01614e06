using Alvh.Indicators;

namespace Alvh.Core.Tests.Indicators;

public class MacdTests
{
    // Independent straightforward computation: textbook SMA-seeded EMA written as α·x + (1 − α)·prev.
    private static double[] NaiveEma(double[] x, int period, int first)
    {
        var e = Enumerable.Repeat(double.NaN, x.Length).ToArray();
        double alpha = 2.0 / (period + 1);
        int seedEnd = first + period - 1;
        if (seedEnd >= x.Length) return e;
        e[seedEnd] = x.Skip(first).Take(period).Average();
        for (int i = seedEnd + 1; i < x.Length; i++) e[i] = alpha * x[i] + (1 - alpha) * e[i - 1];
        return e;
    }

    [Fact]
    public void Matches_an_independent_computation()
    {
        var closes = TestSeries.RandomWalk(42, 300);
        var fast = NaiveEma(closes, 12, 0);
        var slow = NaiveEma(closes, 26, 0);
        var line = closes.Select((_, i) => fast[i] - slow[i]).ToArray();
        var signal = NaiveEma(line, 9, 25);

        var macd = Macd.Compute(closes);
        macd.Line.Take(25).Should().OnlyContain(x => double.IsNaN(x));
        macd.Signal.Take(33).Should().OnlyContain(x => double.IsNaN(x));
        for (int i = 25; i < closes.Length; i++) macd.Line[i].Should().BeApproximately(line[i], 1e-10);
        for (int i = 33; i < closes.Length; i++)
        {
            macd.Signal[i].Should().BeApproximately(signal[i], 1e-10);
            macd.Histogram[i].Should().BeApproximately(line[i] - signal[i], 1e-10);
        }
        for (int i = 34; i < closes.Length; i++)
        {
            double before = line[i - 1] - signal[i - 1], now = line[i] - signal[i];
            int expected = before < 0 && now > 0 ? 1 : before > 0 && now < 0 ? -1 : 0;
            macd.Crossovers[i].Should().Be(expected, $"bar {i}");
        }
        macd.Crossovers.Should().Contain(1).And.Contain(-1);
    }

    [Fact]
    public void Crossovers_mark_the_bar_where_the_line_crosses_the_signal()
    {
        // 40 flat bars (histogram 0: no sign yet), a rise (first sign +1: not a cross), a fall (−1), a rise (+1).
        var closes = Enumerable.Repeat(100.0, 40)
            .Concat(Enumerable.Range(1, 20).Select(i => 100.0 + i))
            .Concat(Enumerable.Range(1, 30).Select(i => 120.0 - 2 * i))
            .Concat(Enumerable.Range(1, 30).Select(i => 60.0 + 2 * i)).ToArray();
        var macd = Macd.Compute(closes);
        var crossings = macd.Crossovers.Select((c, i) => (c, i)).Where(x => x.c != 0).ToArray();
        crossings.Select(x => x.c).Should().Equal(-1, 1);
        crossings[0].i.Should().BeInRange(61, 89);
        crossings[1].i.Should().BeGreaterThan(90);
        macd.Histogram[crossings[0].i - 1].Should().BeGreaterThan(0);
        macd.Histogram[crossings[0].i].Should().BeLessThan(0);
    }

    [Fact]
    public void Edge_cases()
    {
        Macd.Compute(TestSeries.RandomWalk(1, 30)).Signal.Should().OnlyContain(x => double.IsNaN(x));
        var flat = Macd.Compute(Enumerable.Repeat(50.0, 60).ToArray());
        flat.Line[25..].Should().OnlyContain(x => x == 0);
        flat.Histogram[33..].Should().OnlyContain(x => x == 0);
        var act = () => new MacdStream(26, 12, 9);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("slowPeriod");
    }
}
