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

    /// <summary>Writes the realised volatility of <paramref name="closes"/> into <paramref name="output"/> (same length).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 2.</exception>
    public static void Compute(ReadOnlySpan<double> closes, int period, Span<double> output)
    {
        Guard.Period(period, 2, nameof(period));
        Guard.SameLength(closes.Length, output.Length, nameof(output));
        var stream = new RealisedVolatilityStream(period);
        for (int i = 0; i < closes.Length; i++) output[i] = stream.Add(closes[i]);
    }

    /// <summary>The realised volatility (default 21 returns), one output per close.</summary>
    public static double[] Compute(ReadOnlySpan<double> closes, int period = 21)
    {
        var output = new double[closes.Length];
        Compute(closes, period, output);
        return output;
    }
}
