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
        var stream = new RollingBetaStream(period);
        for (int i = 0; i < assetReturns.Length; i++) output[i] = stream.Add(assetReturns[i], benchmarkReturns[i]);
    }

    /// <summary>The rolling beta, one output per pair.</summary>
    public static double[] Compute(ReadOnlySpan<double> assetReturns, ReadOnlySpan<double> benchmarkReturns, int period)
    {
        var output = new double[assetReturns.Length];
        Compute(assetReturns, benchmarkReturns, period, output);
        return output;
    }
}
