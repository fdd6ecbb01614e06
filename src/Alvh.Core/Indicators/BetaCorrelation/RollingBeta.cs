using System.Runtime.Intrinsics;

namespace Alvh.Indicators;

/// <summary>
/// Rolling beta of an asset's returns on a benchmark's returns over the last <c>period</c> pairs:
/// cov(asset, benchmark)/var(benchmark) (the n or n − 1 cancels). Inputs are <b>returns</b> (any
/// consistent convention, e.g. daily simple or log returns), not prices. First value at index
/// <c>period − 1</c>; NaN when the benchmark variance is 0. Windowed NaN policy: a pair with either
/// side NaN is missing.
/// </summary>
public static class RollingBeta
{
    /// <summary>Writes the rolling beta into <paramref name="output"/>; all spans share one length.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 2.</exception>
    public static void Compute(ReadOnlySpan<double> assetReturns, ReadOnlySpan<double> benchmarkReturns, int period, Span<double> output)
    {
        Guard.Period(period, 2, nameof(period));
        Guard.SameLength(assetReturns.Length, benchmarkReturns.Length, nameof(benchmarkReturns));
        Guard.SameLength(assetReturns.Length, output.Length, nameof(output));
        // x = benchmark, y = asset.
        var sink = new VectorLoops.FormulaSink<Formula>(output, default);
        WindowCoMoments.Run(benchmarkReturns, assetReturns, period, ref sink);
    }

    /// <summary>The rolling beta, one output per pair.</summary>
    public static double[] Compute(ReadOnlySpan<double> assetReturns, ReadOnlySpan<double> benchmarkReturns, int period)
    {
        var output = new double[assetReturns.Length];
        Compute(assetReturns, benchmarkReturns, period, output);
        return output;
    }

    /// <summary>(C, M2x, M2y) → cov/var = C/M2x (x = benchmark); NaN when the benchmark variance is 0.</summary>
    internal readonly struct Formula : VectorLoops.ILaneFormula
    {
        public Vector256<double> Of(Vector256<double> coMoment, Vector256<double> m2x, Vector256<double> m2y)
        {
            var variance = WindowMoments.NonNegative(m2x);
            return Vector256.ConditionalSelect(Vector256.Equals(variance, Vector256<double>.Zero), Vector256.Create(double.NaN), coMoment / variance);
        }
    }
}
