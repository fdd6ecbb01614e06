using System.Buffers;

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
        // The log returns are computed once into a pooled buffer: the window reads each twice
        // (entering and leaving), and a logarithm costs more than the rest of the bar.
        var rented = ArrayPool<double>.Shared.Rent(closes.Length);
        try
        {
            var returns = rented.AsSpan(0, closes.Length);
            returns[0] = double.NaN;
            LogKernel.LogOfRatios(closes[1..], closes, returns[1..], square: false);
            var sink = new Sink(output, 1.0 / (period - 1));
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

    /// <summary>Annualised sample σ from the window's M2; <paramref name="inverseDegrees"/> is 1/(n − 1).</summary>
    internal static double FromM2(double m2, double inverseDegrees) => Math.Sqrt(m2 * inverseDegrees) * Annualiser;

    private ref struct Sink(Span<double> output, double inverseDegrees) : WindowMoments.ISink
    {
        private readonly Span<double> _output = output;

        public readonly void Missing(int index) => _output[index] = double.NaN;

        public readonly void Emit(int index, double value, double mean, double m2) => _output[index] = FromM2(m2, inverseDegrees);
    }
}
