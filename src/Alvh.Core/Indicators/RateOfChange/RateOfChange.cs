using System.Runtime.CompilerServices;

namespace Alvh.Indicators;

/// <summary>
/// Rate of change in <b>percent</b>: 100·(xₜ / xₜ₋ₚ − 1), first value at index <c>period</c>.
/// Windowed NaN policy: NaN when either end is NaN; NaN when xₜ₋ₚ is 0.
/// </summary>
public static class RateOfChange
{
    /// <summary>Writes the rate of change into <paramref name="output"/> (same length).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public static void Compute(ReadOnlySpan<double> values, int period, Span<double> output)
    {
        Guard.Period(period, 1, nameof(period));
        Guard.SameLength(values.Length, output.Length, nameof(output));
        int warmUp = Math.Min(period, values.Length);
        output[..warmUp].Fill(double.NaN);
        var now = values[warmUp..];
        var then = values[..now.Length];
        var result = output[warmUp..][..now.Length];
        for (int i = 0; i < now.Length; i++) result[i] = Percent(now[i], then[i]);
    }

    /// <summary>The rate of change in percent, one output per input.</summary>
    public static double[] Compute(ReadOnlySpan<double> values, int period)
    {
        var output = new double[values.Length];
        Compute(values, period, output);
        return output;
    }

    /// <summary>100·(now/then − 1); NaN when <paramref name="then"/> is 0 (NaN inputs propagate).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Percent(double now, double then) => then == 0 ? double.NaN : 100.0 * (now / then - 1.0);
}
