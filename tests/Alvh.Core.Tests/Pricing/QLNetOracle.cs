using Alvh.Pricing;
using QL = QLNet;

namespace Alvh.Core.Tests.Pricing;

/// <summary>
/// QLNet 1.13.2 as an independent oracle: <c>AnalyticEuropeanEngine</c> on a
/// <c>BlackScholesMertonProcess</c> with flat curves (Actual/365 Fixed, continuous compounding),
/// <c>BlackCalculator</c>, and <c>Utils.blackFormula</c>. QLNet's evaluation date is
/// thread-static, so setting it here does not race with other tests.
/// </summary>
internal static class QLNetOracle
{
    private static readonly QL.Date Today = new(15, QL.Month.January, 2024);

    /// <summary>NPV and greeks from AnalyticEuropeanEngine; <paramref name="days"/> calendar days to expiry (T = days/365).</summary>
    public static Greeks AnalyticEuropean(OptionRight right, double spot, double strike, double rate, double dividendYield, double vol, int days)
    {
        QL.Settings.setEvaluationDate(Today);
        var dayCounter = new QL.Actual365Fixed();
        var spotQuote = new QL.Handle<QL.Quote>(new QL.SimpleQuote(spot));
        var riskFree = new QL.Handle<QL.YieldTermStructure>(new QL.FlatForward(Today, rate, dayCounter));
        var dividends = new QL.Handle<QL.YieldTermStructure>(new QL.FlatForward(Today, dividendYield, dayCounter));
        var volatility = new QL.Handle<QL.BlackVolTermStructure>(new QL.BlackConstantVol(Today, new QL.NullCalendar(), vol, dayCounter));
        var process = new QL.BlackScholesMertonProcess(spotQuote, dividends, riskFree, volatility);
        var option = new QL.EuropeanOption(new QL.PlainVanillaPayoff(ToQL(right), strike), new QL.EuropeanExercise(Today + days));
        option.setPricingEngine(new QL.AnalyticEuropeanEngine(process));
        return new Greeks(option.NPV(), option.delta(), option.gamma(), option.vega(), option.theta(), option.rho());
    }

    /// <summary>QLNet <c>Utils.blackFormula(type, strike, forward, stdDev, discount)</c>.</summary>
    public static double BlackFormula(OptionRight right, double forward, double strike, double stdDev, double discount)
        => QL.Utils.blackFormula(ToQL(right), strike, forward, stdDev, discount);

    /// <summary>QLNet <c>BlackCalculator</c> on a forward: (value, deltaForward, gammaForward, vega(t)).</summary>
    public static (double Value, double DeltaForward, double GammaForward, double Vega) BlackCalculator(
        OptionRight right, double forward, double strike, double stdDev, double discount, double t)
    {
        var calculator = new QL.BlackCalculator(ToQL(right), strike, forward, stdDev, discount);
        return (calculator.value(), calculator.deltaForward(), calculator.gammaForward(), calculator.vega(t));
    }

    private static QL.Option.Type ToQL(OptionRight right) => right == OptionRight.Call ? QL.Option.Type.Call : QL.Option.Type.Put;
}
