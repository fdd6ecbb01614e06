using System.Runtime.CompilerServices;

namespace Alvh.Indicators;

/// <summary>
/// The one recursive update shared by EMA, MACD, RSI and ATR, batch and streaming alike:
/// <c>next = previous + weight·(x − previous)</c>, evaluated as one fused multiply–add.
/// Why fused: the loop-carried dependency is then subtract + FMA (two operations) instead of
/// subtract + multiply + add, which is what bounds these indicators' speed; and a constant input
/// stays exactly constant (x − previous = 0). Wilder's <c>(prev·(p − 1) + x)/p</c> is the same
/// recursion with weight 1/p.
/// </summary>
internal static class Smoothing
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Step(double previous, double x, double weight) => Math.FusedMultiplyAdd(weight, x - previous, previous);
}
