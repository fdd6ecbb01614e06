using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Alvh.Engine;

/// <summary>Eight (AVX-512) or four (AVX2) quiet days of a one-position span in vector lanes.</summary>
public sealed partial class BacktestEngine
{
    private const int EightDays = 8;
    private const int FourDays = 4;

    /// <summary>True when this machine books eight days at once (<see cref="TryBookEight"/> needs AVX-512F).</summary>
    private static bool CanBookEight => Vector512.IsHardwareAccelerated && Avx512F.IsSupported;

    /// <summary>
    /// Days <see cref="QuietSpanOfOne"/> books at once on this machine: eight with AVX-512F (<see cref="TryBookEight"/>),
    /// four with AVX2 (<see cref="TryBookFour"/>), else one at a time (0). A constant once the JIT has compiled the loop.
    /// </summary>
    private static int DaysPerBlock => CanBookEight ? EightDays : Avx2.IsSupported ? FourDays : 0;

    /// <summary>
    /// Books days <paramref name="day"/> .. <paramref name="day"/> + 7 of <see cref="QuietSpanOfOne"/> when none
    /// of their closes is missing: each day's mark change, value and equity with the scalar loop's operations in
    /// its order (<c>0 + q·(m − previous)·multiplier</c>, <c>cash + q·m·multiplier</c>, <c>0 + …</c>), in 8 lanes;
    /// the tracked equity of each day as the block's opening tracked equity plus a running sum of the eight P&amp;Ls
    /// taken in lanes; then the reconciliation of all eight in lanes. Writes the eight equities and returns the
    /// last day's value. False, with <paramref name="tracked"/> and the equities untouched, when a close is missing
    /// or a lane does not pass the check (NaN included): the caller then books those days one at a time, where a
    /// real failure is reported for its day.
    /// </summary>
    /// <remarks>
    /// The tracked equity is the reconciliation's own accumulator, never a result: equities, ledger and trades are
    /// those of the day-by-day loop to the bit. Only its last bits may differ from a day-by-day sum (the eight
    /// P&amp;Ls are added in three shifted steps, not left to right), far inside the check's tolerance. Why: the
    /// day-by-day sum made the booking one dependent add per day. The booking's share of the canonical sweep's profile
    /// (one thread) fell from 17.9% (lanes, with the day-by-day sum) to 10.5%; on the 100/300 cross alone, lanes had
    /// taken it from 18.6% (the scalar loop) to 14.3%.
    /// </remarks>
    private static bool TryBookEight(double[] series, int day, double previousMark, double quantity, double multiplier, double cash, double tolerance,
        ref double tracked, Span<double> equities, out double lastValue)
    {
        lastValue = 0;
        ref double close = ref series[day];
        var marks = Vector512.LoadUnsafe(ref close);
        if (!Vector512.EqualsAll(marks, marks)) return false;
        // The previous close of each day: the caller's mark for the first, the series for the others.
        var previous = Vector512.LoadUnsafe(ref Unsafe.Subtract(ref close, 1)).WithElement(0, previousMark);
        var zero = Vector512<double>.Zero;
        var q = Vector512.Create(quantity);
        var scale = Vector512.Create(multiplier);
        var markChanges = zero + ((q * (marks - previous)) * scale);
        var values = Vector512.Create(cash) + ((q * marks) * scale);
        var pnl = zero + markChanges;
        var equity = zero + values;

        // The running sum of the eight P&Ls as a prefix in lanes (three shifted adds), so the tracked equity's
        // chain from block to block is one add rather than eight.
        var prefix = pnl + Avx512F.AlignRight64(pnl.AsInt64(), Vector512<long>.Zero, 7).AsDouble();
        prefix += Avx512F.AlignRight64(prefix.AsInt64(), Vector512<long>.Zero, 6).AsDouble();
        prefix += Avx512F.AlignRight64(prefix.AsInt64(), Vector512<long>.Zero, 4).AsDouble();
        var trackedDays = Vector512.Create(tracked) + prefix;
        var allowed = Vector512.Create(tolerance) * Vector512.Max(Vector512.Create(1.0), Vector512.Abs(equity));
        if (!Vector512.LessThanOrEqualAll(Vector512.Abs(equity - trackedDays), allowed)) return false;

        equity.StoreUnsafe(ref MemoryMarshal.GetReference(equities));
        // The eighth lane's sum, taken from the P&Ls rather than from the lanes (which would put the broadcast and
        // the extraction on the chain): the same add, the same bits.
        tracked += prefix.GetElement(EightDays - 1);
        lastValue = values.GetElement(EightDays - 1);
        return true;
    }

    /// <summary>
    /// <see cref="TryBookEight"/> in four lanes, for machines with AVX2 and no AVX-512 (the eight-day block never ran
    /// on them, and the day-by-day loop's tracked equity is one dependent add a day): days <paramref name="day"/> ..
    /// <paramref name="day"/> + 3, each day's mark change, value and equity with the scalar loop's operations in its
    /// order, the tracked equity of each day as the block's opening one plus a running sum of the four P&amp;Ls taken in
    /// lanes (two shifted adds), the reconciliation of all four in lanes. The same contract: false, with
    /// <paramref name="tracked"/> and the equities untouched, when a close is missing or a lane does not pass the check.
    /// </summary>
    /// <remarks>
    /// Internal for its tests: a wrong running sum fails every block's check and falls back to the scalar loop, which
    /// gives the same bits, so only a test of the block itself sees it.
    /// </remarks>
    internal static bool TryBookFour(double[] series, int day, double previousMark, double quantity, double multiplier, double cash, double tolerance,
        ref double tracked, Span<double> equities, out double lastValue)
    {
        lastValue = 0;
        ref double close = ref series[day];
        var marks = Vector256.LoadUnsafe(ref close);
        if (!Vector256.EqualsAll(marks, marks)) return false;
        var previous = Vector256.LoadUnsafe(ref Unsafe.Subtract(ref close, 1)).WithElement(0, previousMark);
        var zero = Vector256<double>.Zero;
        var q = Vector256.Create(quantity);
        var scale = Vector256.Create(multiplier);
        var markChanges = zero + ((q * (marks - previous)) * scale);
        var values = Vector256.Create(cash) + ((q * marks) * scale);
        var pnl = zero + markChanges;
        var equity = zero + values;

        // The running sum: lanes shifted up by one ([0, p0, p1, p2]: lane 0 of the permute, p0, replaced by 0), then by
        // two ([0, 0, s0, s1]: the low half moved up, the low half zeroed).
        var prefix = pnl + Avx.Blend(Avx2.Permute4x64(pnl, 0b10_01_00_00), zero, 0b0001);
        prefix += Avx.Permute2x128(prefix, prefix, 0x08);
        var trackedDays = Vector256.Create(tracked) + prefix;
        var allowed = Vector256.Create(tolerance) * Vector256.Max(Vector256.Create(1.0), Vector256.Abs(equity));
        if (!Vector256.LessThanOrEqualAll(Vector256.Abs(equity - trackedDays), allowed)) return false;

        equity.StoreUnsafe(ref MemoryMarshal.GetReference(equities));
        tracked += prefix.GetElement(FourDays - 1);
        lastValue = values.GetElement(FourDays - 1);
        return true;
    }
}
