namespace Alvh.Indicators;

/// <summary>
/// Relative strength index with Wilder smoothing, 0–100. Changes are close-to-close; the first
/// average gain/loss is the simple mean of the first <c>period</c> gains/losses (first RSI at index
/// <c>period</c>), then <c>avg = (prev·(period − 1) + x)/period</c>, evaluated as <c>prev + (x − prev)/period</c>
/// in one fused multiply–add. RSI = 100 − 100/(1 + avgGain/avgLoss) (computed as 100·avgGain/(avgGain + avgLoss)),
/// and exactly 100 when the average loss is 0, a constant series included (Wilder's ratio is 0/0 there: the convention of
/// TradingView's built-in RSI, <c>down == 0 ? 100 : up == 0 ? 0 : 100 - 100 / (1 + up / down)</c>). Recursive NaN policy
/// (see <see cref="NaNPolicy"/>): a NaN close is skipped and the next change is measured from the
/// last finite close.
/// </summary>
public static class Rsi
{
    /// <summary>Writes the RSI of <paramref name="closes"/> into <paramref name="output"/> (same length).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public static void Compute(ReadOnlySpan<double> closes, int period, Span<double> output)
    {
        Guard.Period(period, 1, nameof(period));
        Guard.SameLength(closes.Length, output.Length, nameof(output));
        output = output[..closes.Length];
        var state = new RsiState(period);
        for (int i = 0; i < closes.Length; i++) output[i] = state.Add(closes[i]);
    }

    /// <summary>The RSI of <paramref name="closes"/> (default period 14), one output per input.</summary>
    public static double[] Compute(ReadOnlySpan<double> closes, int period = 14)
    {
        var output = new double[closes.Length];
        Compute(closes, period, output);
        return output;
    }
}
