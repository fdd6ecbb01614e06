using System.Runtime.Intrinsics;

namespace Alvh.Indicators;

/// <summary>
/// Rolling z-score: (x − mean)/σ over the last <c>period</c> values <b>including</b> the current one,
/// σ the population standard deviation; 0 when σ is 0 (a constant window). First value at index
/// <c>period − 1</c>. Windowed NaN policy (see <see cref="NaNPolicy"/>).
/// </summary>
public static class ZScore
{
    /// <summary>Writes the z-score into <paramref name="output"/> (same length).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 2.</exception>
    public static void Compute(ReadOnlySpan<double> values, int period, Span<double> output)
    {
        Guard.Period(period, 2, nameof(period));
        Guard.SameLength(values.Length, output.Length, nameof(output));
        var sink = new VectorLoops.FormulaSink<Formula>(output, new Formula(period));
        WindowMoments.Run(values, period, ref sink);
    }

    /// <summary>The rolling z-score, one output per input.</summary>
    public static double[] Compute(ReadOnlySpan<double> values, int period)
    {
        var output = new double[values.Length];
        Compute(values, period, output);
        return output;
    }

    /// <summary>
    /// (value, mean, M2) → (value − mean)/√(M2/n), 0 when the root is 0; NaN inputs give NaN.
    /// </summary>
    internal readonly struct Formula(int period) : VectorLoops.ILaneFormula
    {
        private readonly Vector256<double> _inverseN = Vector256.Create(1.0 / period);

        public Vector256<double> Of(Vector256<double> value, Vector256<double> mean, Vector256<double> m2)
        {
            var sd = Vector256.Sqrt(WindowMoments.NonNegative(m2) * _inverseN);
            return Vector256.ConditionalSelect(Vector256.Equals(sd, Vector256<double>.Zero), Vector256<double>.Zero, (value - mean) / sd);
        }
    }
}
