using Alvh.Model;
using Alvh.Pricing;
using Xunit.Abstractions;

namespace Alvh.Core.Tests.Model;

public class Exploration(ITestOutputHelper output)
{
    [SkippableFact]
    public void Print()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var m = ModelData.Require();
        output.WriteLine($"build {sw.ElapsedMilliseconds} ms");
        var data = m.Data; sw.Restart(); _ = new SpxSurfaceModel(data, carry: m.Carry); output.WriteLine($"surface {sw.ElapsedMilliseconds} ms"); sw.Restart(); _ = new VixFuturesModel(data); output.WriteLine($"vx {sw.ElapsedMilliseconds} ms"); sw.Restart(); _ = new RatesAndDividends(data); output.WriteLine($"carry {sw.ElapsedMilliseconds} ms");
        output.WriteLine(m.Surface.TermStructureFit.ToString());
        output.WriteLine(m.Futures.FitReport.ToString());
        output.WriteLine($"vvix fallback {m.Options.FallbackIntercept} + {m.Options.FallbackSlope} vix; ratio {m.Options.AtmToVvixRatio}");
        foreach (var d in new[] { "2006-11-15", "2008-11-20", "2013-06-03", "2017-07-03", "2019-10-01", "2020-03-16", "2024-01-10" })
        {
            int i = m.Data.Calendar.IndexOf(DateOnly.Parse(d));
            var s = m.Surface.Surface(i);
            double t = 30 / 365.0;
            double kp = s.StrikeForDelta(OptionRight.Put, -0.25, t, DeltaConvention.Forward), kc = s.StrikeForDelta(OptionRight.Call, 0.25, t, DeltaConvention.Forward);
            output.WriteLine($"{d} S={s.Spot} r={s.Rate:0.0000} q={s.DividendYield:0.0000} VIX={m.Data.Aligned("vix")[i]} atm30={s.AtmVol(t):0.0000} 25p={s.Vol(kp, t):0.0000} 25c={s.Vol(kc, t):0.0000} RR={(s.Vol(kc, t) - s.Vol(kp, t)) * 100:0.00} atm9={s.AtmVol(9 / 365.0):0.0000} atm186={s.AtmVol(186 / 365.0):0.0000} check={SurfaceChecks.Check(s).FirstViolation}");
        }
    }
}
