using System.Runtime.Intrinsics.X86;
using Alvh.Engine;

namespace Alvh.Core.Tests.Engine;

/// <summary>
/// The four-day block of a one-position quiet span (AVX2) books its days itself, with the day-by-day loop's bits. The
/// QuietDays tests cannot see a block that never books: its check fails, the scalar loop books the days, and the results
/// agree to the bit all the same (a running sum with a lane added twice or left out loses only the speed).
/// </summary>
public class BacktestEngineEightDaysTests
{
    [SkippableFact]
    public void Four_quiet_days_are_booked_in_lanes_with_the_scalar_loops_bits()
    {
        Skip.IfNot(Avx2.IsSupported, "the four-day block needs AVX2");
        var random = new Random(29);
        for (int trial = 0; trial < 1_000; trial++)
        {
            var series = new double[6];
            for (int i = 0; i < series.Length; i++) series[i] = 50 + (100 * random.NextDouble());
            double quantity = Math.Round(1_000 * random.NextDouble()), multiplier = trial % 2 == 0 ? 1 : 100, cash = 10_000 * random.NextDouble();
            double opening = cash + (quantity * series[0] * multiplier);

            // QuietSpanOfOne's day loop over days 1..4, as written there.
            double expectedTracked = opening, mark = series[0], value = 0;
            var expected = new double[4];
            for (int day = 1; day <= 4; day++)
            {
                double previous = mark;
                mark = series[day];
                double markChanges = 0;
                markChanges += quantity * (mark - previous) * multiplier;
                value = cash;
                value += quantity * mark * multiplier;
                double pnl = 0;
                pnl += markChanges;
                expectedTracked += pnl;
                double equity = 0;
                equity += value;
                expected[day - 1] = equity;
            }

            double tracked = opening;
            var equities = new double[4];
            bool booked = BacktestEngine.TryBookFour(series, 1, series[0], quantity, multiplier, cash, 1e-9, ref tracked, equities, out double lastValue);

            booked.Should().BeTrue("four days without a missing close pass the check (trial {0})", trial);
            equities.Select(BitConverter.DoubleToInt64Bits).Should().Equal(expected.Select(BitConverter.DoubleToInt64Bits));
            BitConverter.DoubleToInt64Bits(lastValue).Should().Be(BitConverter.DoubleToInt64Bits(value));
            // The tracked equity is the check's accumulator: its last bits may differ from the day-by-day sum's.
            tracked.Should().BeApproximately(expectedTracked, 1e-9 * Math.Abs(expectedTracked));
        }
    }

    [SkippableFact]
    public void A_missing_close_or_a_failed_check_leaves_the_days_to_the_scalar_loop()
    {
        Skip.IfNot(Avx2.IsSupported, "the four-day block needs AVX2");
        for (int missing = 1; missing <= 4; missing++)
        {
            double[] series = [100, 101, 102, 103, 104, 105];
            series[missing] = double.NaN;
            double tracked = 100;
            double[] equities = [-1, -1, -1, -1];
            BacktestEngine.TryBookFour(series, 1, 100, 1, 1, 0, 1e-9, ref tracked, equities, out _).Should().BeFalse();
            tracked.Should().Be(100);
            equities.Should().Equal(-1, -1, -1, -1);
        }
        // A tracked equity off by 1 (the book holds 100 at the opening close): the days' own check must report it.
        double[] quiet = [100, 101, 102, 103, 104, 105];
        double off = 101;
        double[] untouched = [-1, -1, -1, -1];
        BacktestEngine.TryBookFour(quiet, 1, 100, 1, 1, 0, 1e-9, ref off, untouched, out _).Should().BeFalse();
        off.Should().Be(101);
        untouched.Should().Equal(-1, -1, -1, -1);
    }
}
