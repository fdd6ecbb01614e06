using System.Globalization;
using Alvh.Engine;
using Alvh.Pricing;

namespace Alvh.Core.Tests.Engine;

public class InstrumentTests
{
    [Fact]
    public void Option_ids_are_the_documented_text_for_any_strike_and_date()
    {
        // Reference: the documented form "SYMBOL yyyy-MM-dd C|P strike" with the strike in the .NET custom
        // format "0.##" (invariant culture), formatted the plain way.
        static string Reference(Instrument i) =>
            string.Create(CultureInfo.InvariantCulture, $"{i.Symbol} {i.Expiry:yyyy-MM-dd} {(i.Right == OptionRight.Call ? 'C' : 'P')} {i.Strike:0.##}");
        var random = new Random(17);
        double[] special = [0.0, -0.0, 1, 5, 17.5, 17.25, 17.125, 1.0 / 3, 0.004, 0.005, 2500, 99999.995, 1e15, 1e16, 123456789012.5, -5, -2.5];
        var strikes = special.Concat(Enumerable.Range(0, 2000).Select(k => (k % 4) switch
        {
            0 => Math.Round(random.NextDouble() * 8000),
            1 => Math.Round(random.NextDouble() * 200 * 2) / 2,
            2 => random.NextDouble() * 300,
            _ => Math.Round(random.NextDouble() * 100, 3),
        }));
        foreach (double strike in strikes)
        {
            var expiry = new DateOnly(1990, 1, 1).AddDays(random.Next(0, 15000));
            var spx = Instrument.SpxOption(random.Next(2) == 0 ? OptionRight.Call : OptionRight.Put, strike, expiry);
            var vix = Instrument.VixOption(OptionRight.Call, strike, expiry);
            spx.Id.Should().Be(Reference(spx));
            vix.Id.Should().Be(Reference(vix));
            // The same rule writes the condor's reasons, whose strikes are formatted "0".
            if (Instrument.IsWholeStrike(strike)) ((long)strike).ToString(CultureInfo.InvariantCulture).Should().Be(strike.ToString("0", CultureInfo.InvariantCulture), $"{strike:R}");
        }
        Instrument.IsWholeStrike(-0.0).Should().BeFalse("format 0 writes -0 as \"-0\"");
        Instrument.IsWholeStrike(1e15).Should().BeFalse("formats round to 15 significant digits from 1e15 on");
        Instrument.IsWholeStrike(-5).Should().BeTrue();
        Instrument.Equity("SPY").Id.Should().Be("SPY");
    }
}
