using System.Buffers;
using System.Runtime.Intrinsics;

namespace Alvh.Indicators;

/// <summary>
/// Close-to-close realised volatility, <b>annualised fraction</b> (0.20 = 20 %): the sample standard
/// deviation (n − 1) of the last <c>period</c> daily log returns ln(Cₜ/Cₜ₋₁), times √252. The first
/// value is at index <c>period</c> (it needs <c>period</c> returns). Windowed NaN policy: a NaN close
/// makes its two returns NaN, and the output is NaN while either is in the window.
/// </summary>
public static class RealisedVolatility
{
    /// <summary>Trading days per year used to annualise.</summary>
    public const double TradingDaysPerYear = 252.0;

    private static readonly double Annualiser = Math.Sqrt(TradingDaysPerYear);

    /// <summary>Writes the realised volatility of <paramref name="closes"/> into <paramref name="output"/> (same length).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 2.</exception>
    public static void Compute(ReadOnlySpan<double> closes, int period, Span<double> output)
    {
        Guard.Period(period, 2, nameof(period));
        Guard.SameLength(closes.Length, output.Length, nameof(output));
        if (closes.IsEmpty) return;
        // The log returns are computed once into a pooled buffer: the window reads each twice (entering
        // and leaving), and a logarithm costs more than the rest of the bar.
        var rented = ArrayPool<double>.Shared.Rent(closes.Length);
        try
        {
            var returns = rented.AsSpan(0, closes.Length);
            returns[0] = double.NaN;
            LogKernel.LogOfRatios(closes[1..], closes, returns[1..], square: false);
            var sink = new VectorLoops.FormulaSink<Formula>(output, new Formula(period));
            WindowMoments.Run(returns, period, ref sink);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>The realised volatility (default 21 returns), one output per close.</summary>
    public static double[] Compute(ReadOnlySpan<double> closes, int period = 21)
    {
        var output = new double[closes.Length];
        Compute(closes, period, output);
        return output;
    }

    /// <summary>ln(close/previous); NaN when either is NaN.</summary>
    internal static double LogReturn(double close, double previous) => LogKernel.Log(close / previous);

    /// <summary>(return, mean, M2) → annualised sample σ, √(M2/(n − 1))·√252; NaN stays NaN.</summary>
    internal readonly struct Formula(int period) : VectorLoops.ILaneFormula
    {
        private readonly Vector256<double> _inverseDegrees = Vector256.Create(1.0 / (period - 1));
        private readonly Vector256<double> _annualiser = Vector256.Create(Annualiser);

        public Vector256<double> Of(Vector256<double> value, Vector256<double> mean, Vector256<double> m2)
        {
            return Vector256.Sqrt(WindowMoments.NonNegative(m2) * _inverseDegrees) * _annualiser;
        }
    }
}
