using Alvh.Engine;

namespace Alvh.Core.Tests.Engine;

public class SignalsTests
{
    [Fact]
    public void Of_shares_one_build_per_data_set_and_parameter_values()
    {
        var days = SyntheticMarket.Weekdays(new DateOnly(2020, 1, 6), 60);
        var closes = days.Select((_, i) => 100 + Math.Sin(i / 3.0) * 5).ToArray();
        var data = SyntheticMarket.Build(days, closes, closes, vix: closes.Select(c => c / 5).ToArray());

        // Equal values with lists of their own (the record compares its list by reference) share one build ...
        var first = Signals.Of(data, new SignalParameters { MacroEventKinds = ["fomc", "cpi"] });
        Signals.Of(data, new SignalParameters { MacroEventKinds = ["fomc", "cpi"] }).Should().BeSameAs(first);
        // ... other values or another data set do not, and each equals a build of its own.
        var other = Signals.Of(data, new SignalParameters { RsiPeriod = 10, MacroEventKinds = ["fomc", "cpi"] });
        other.Should().NotBeSameAs(first);
        Signals.Of(data, new SignalParameters { MacroEventKinds = ["fomc"] }).Should().NotBeSameAs(first);
        var otherData = SyntheticMarket.Build(days, closes, closes, vix: closes.Select(c => c / 5).ToArray());
        Signals.Of(otherData, new SignalParameters { MacroEventKinds = ["fomc", "cpi"] }).Should().NotBeSameAs(first);
        other.RsiVix.Should().Equal(Signals.Build(data, new SignalParameters { RsiPeriod = 10 }).RsiVix);
        first.RsiVix.Should().Equal(Signals.Build(data, new SignalParameters()).RsiVix);
    }
}
