using Alvh.Analytics;

namespace Alvh.Core.Tests.Analytics;

public class PeriodReturnsTests
{
    // Hand-built: Dec 2023 from 100 to 102 (+2 %); Jan 2024 102 → 107.1 (+5 %); Feb 107.1 → 96.39 (−10 %);
    // no March data; Apr 96.39 → 100 (+3.7452 %). 2024: 100/102 − 1 = −1.9608 %.
    private static readonly DateOnly[] Dates =
        [new(2023, 12, 28), new(2023, 12, 29), new(2024, 1, 2), new(2024, 1, 31), new(2024, 2, 15), new(2024, 2, 29), new(2024, 4, 1)];
    private static readonly double[] Equity = [100, 102, 101, 107.1, 100, 96.39, 100];

    [Fact]
    public void Monthly_table_by_hand()
    {
        var table = PeriodReturns.Monthly(Equity, Dates);
        table.FirstYear.Should().Be(2023);
        table.LastYear.Should().Be(2024);
        table[2023, 12].Should().BeApproximately(0.02, 1e-14);
        table[2023, 11].Should().Be(double.NaN);
        table[2024, 1].Should().BeApproximately(0.05, 1e-14);
        table[2024, 2].Should().BeApproximately(-0.1, 1e-14);
        table[2024, 3].Should().Be(double.NaN);
        table[2024, 4].Should().BeApproximately(100 / 96.39 - 1, 1e-14);
        table[2025, 1].Should().Be(double.NaN);
        table.Annual(2023).Should().BeApproximately(0.02, 1e-14);
        table.Annual(2024).Should().BeApproximately(100.0 / 102 - 1, 1e-14);
        table.Months(2024).Length.Should().Be(12);
    }

    [Fact]
    public void Annual_returns_by_hand_and_compounding_to_the_total()
    {
        var years = PeriodReturns.Annual(Equity, Dates);
        years.Should().HaveCount(2);
        years[0].Year.Should().Be(2023);
        years[0].Return.Should().BeApproximately(0.02, 1e-14);
        (years[0].Start, years[0].End).Should().Be((new DateOnly(2023, 12, 28), new DateOnly(2023, 12, 29)));
        years[1].Year.Should().Be(2024);
        years[1].Start.Should().Be(new DateOnly(2023, 12, 29));
        years[1].Return.Should().BeApproximately(100.0 / 102 - 1, 1e-14);
        years.Aggregate(1.0, (g, y) => g * (1 + y.Return)).Should().BeApproximately(1.0, 1e-14);
    }
}
