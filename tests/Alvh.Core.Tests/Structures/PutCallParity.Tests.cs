using Alvh.Structures;

namespace Alvh.Core.Tests.Structures;

public class PutCallParityTests
{
    // Hull, Options, Futures and Other Derivatives, Example 15.6: S = 42, K = 40, r = 10%, σ = 20%, T = 0.5,
    // c = 4.76, p = 0.81 (full-precision values from BlackScholes.Price); F = 42 e^{0.05}.
    private const double Call = 4.759422392871535;
    private const double Put = 0.8085993729000922;
    private static readonly double Discount = Math.Exp(-0.05);
    private static readonly double Forward = 42 * Math.Exp(0.05);

    [Fact]
    public void ImpliedForward_OfHullExample15_6_Is42e005() =>
        PutCallParity.ImpliedForward(Call, Put, 40, Discount).Should().BeApproximately(Forward, 1e-12);

    [Fact]
    public void ConversionAndReversal_LoseTheSpreadAndCosts_AtFairPrices()
    {
        // Quotes 0.05 either side of fair value, $1.25 per contract = 0.0125 points: each trade pays 2 × 0.05 + 2 × 0.0125.
        var result = PutCallParity.Evaluate(new ParityQuotes(40, Call - 0.05, Call + 0.05, Put - 0.05, Put + 0.05, Forward, Discount, 0.0125));

        result.ImpliedForward.Should().BeApproximately(Forward, 1e-12);
        result.ConversionProfit.Should().BeApproximately(-0.125, 1e-12);
        result.ReversalProfit.Should().BeApproximately(-0.125, 1e-12);
    }

    [Fact]
    public void Conversion_ProfitsWhenTheCallIsRich()
    {
        var result = PutCallParity.Evaluate(new ParityQuotes(40, Call + 0.30, Call + 0.40, Put - 0.05, Put + 0.05, Forward, Discount));

        result.ConversionProfit.Should().BeApproximately(0.25, 1e-12); // 0.30 − 0.05
        result.ReversalProfit.Should().BeNegative();
    }
}
