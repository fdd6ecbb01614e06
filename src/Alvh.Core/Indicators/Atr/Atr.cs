namespace Alvh.Indicators;

/// <summary>
/// Average true range (Wilder), price units. True range = max(H − L, |H − C₋₁|, |L − C₋₁|), and H − L
/// on the first bar (no previous close). The first ATR, at index <c>period − 1</c>, is the simple mean
/// of the first <c>period</c> true ranges; then <c>atr = (prev·(period − 1) + tr)/period</c>, evaluated as
/// <c>prev + (tr − prev)/period</c> in one fused multiply–add. Recursive
/// NaN policy (see <see cref="NaNPolicy"/>): a bar with any NaN of high, low, close is skipped and the
/// next true range uses the last finite close.
/// </summary>
public static class Atr
{
    /// <summary>Writes the ATR into <paramref name="output"/>; all spans share one length.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output)
    {
        Guard.Period(period, 1, nameof(period));
        Guard.SameLength(high.Length, low.Length, nameof(low));
        Guard.SameLength(high.Length, close.Length, nameof(close));
        Guard.SameLength(high.Length, output.Length, nameof(output));
        var state = new AtrState(period);
        for (int i = 0; i < high.Length; i++) output[i] = state.Add(high[i], low[i], close[i]);
    }

    /// <summary>The ATR (default period 14), one output per bar.</summary>
    public static double[] Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period = 14)
    {
        var output = new double[high.Length];
        Compute(high, low, close, period, output);
        return output;
    }
}
