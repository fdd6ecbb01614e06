using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Alvh.Pricing;

/// <content>Batch pricing over structure-of-arrays spans: a scalar loop and an 8-lane (AVX-512) / 4-lane (AVX2) SIMD kernel.</content>
public static partial class Black76
{
    /// <summary>
    /// Prices many options on forwards with the scalar kernel (<see cref="Price"/>); no allocation.
    /// All spans must have the same length (units as in <see cref="Price"/>).
    /// </summary>
    /// <param name="rights">Call or put per option.</param>
    /// <param name="forwards">Forward (futures) prices, currency units.</param>
    /// <param name="strikes">Strikes, currency units.</param>
    /// <param name="rates">Discount rates, continuously compounded, annualised fractions.</param>
    /// <param name="vols">Black volatilities, annualised fractions.</param>
    /// <param name="times">Times to expiry, years.</param>
    /// <param name="prices">Receives the present values, currency units.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void PriceBatch(
        ReadOnlySpan<OptionRight> rights, ReadOnlySpan<double> forwards, ReadOnlySpan<double> strikes,
        ReadOnlySpan<double> rates, ReadOnlySpan<double> vols, ReadOnlySpan<double> times, Span<double> prices)
    {
        BlackScholes.CheckLengths(rights.Length, forwards.Length, strikes.Length, rates.Length, vols.Length, times.Length, prices.Length, prices.Length);
        for (int i = 0; i < prices.Length; i++)
        {
            prices[i] = Price(rights[i], forwards[i], strikes[i], rates[i], vols[i], times[i]);
        }
    }

    /// <summary>
    /// Prices many options on forwards eight at a time with AVX-512 or four at a time with AVX2/FMA, with the same fallbacks and
    /// the same documented agreement with the scalar kernel as <see cref="BlackScholes.PriceBatchSimd"/>
    /// (within 1e-12 × price + 1e-15 × (forward + strike)). No allocation; inputs must be finite.
    /// </summary>
    /// <param name="rights">Call or put per option.</param>
    /// <param name="forwards">Forward (futures) prices, currency units.</param>
    /// <param name="strikes">Strikes, currency units.</param>
    /// <param name="rates">Discount rates, continuously compounded, annualised fractions.</param>
    /// <param name="vols">Black volatilities, annualised fractions.</param>
    /// <param name="times">Times to expiry, years.</param>
    /// <param name="prices">Receives the present values, currency units.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void PriceBatchSimd(
        ReadOnlySpan<OptionRight> rights, ReadOnlySpan<double> forwards, ReadOnlySpan<double> strikes,
        ReadOnlySpan<double> rates, ReadOnlySpan<double> vols, ReadOnlySpan<double> times, Span<double> prices)
    {
        BlackScholes.CheckLengths(rights.Length, forwards.Length, strikes.Length, rates.Length, vols.Length, times.Length, prices.Length, prices.Length);
        int i = Vector512.IsHardwareAccelerated && Avx512F.IsSupported
            ? PriceBatchVector512(rights, forwards, strikes, rates, vols, times, prices)
            : 0;
        if (Fma.IsSupported && Avx2.IsSupported)
        {
            ref int rightRef = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<OptionRight, int>(rights));
            ref double forwardRef = ref MemoryMarshal.GetReference(forwards);
            ref double strikeRef = ref MemoryMarshal.GetReference(strikes);
            ref double rateRef = ref MemoryMarshal.GetReference(rates);
            ref double volRef = ref MemoryMarshal.GetReference(vols);
            ref double timeRef = ref MemoryMarshal.GetReference(times);
            ref double priceRef = ref MemoryMarshal.GetReference(prices);
            for (; i <= prices.Length - 4; i += 4)
            {
                nuint at = (nuint)i;
                Vector256<double> t = Vector256.LoadUnsafe(ref timeRef, at);
                Vector256<double> strike = Vector256.LoadUnsafe(ref strikeRef, at);
                Vector256<double> stdDev = Vector256.LoadUnsafe(ref volRef, at) * Vector256.Sqrt(t);
                if (Vector256.LessThanOrEqualAny(stdDev, Vector256<double>.Zero) || Vector256.LessThanOrEqualAny(strike, Vector256<double>.Zero))
                {
                    for (int j = i; j < i + 4; j++)
                    {
                        prices[j] = Price(rights[j], forwards[j], strikes[j], rates[j], vols[j], times[j]);
                    }

                    continue;
                }

                Vector256<double> sign = Vector256.Create(1.0) - Vector256.Create(2.0) * Avx.ConvertToVector256Double(Vector128.LoadUnsafe(ref rightRef, at));
                Vector256<double> discount = VectorMath.Exp(-Vector256.LoadUnsafe(ref rateRef, at) * t);
                Vector256<double> forward = Vector256.LoadUnsafe(ref forwardRef, at);
                (discount * BlackScholes.UndiscountedBlack(sign, forward, strike, stdDev)).StoreUnsafe(ref priceRef, at);
            }
        }

        for (; i < prices.Length; i++)
        {
            prices[i] = Price(rights[i], forwards[i], strikes[i], rates[i], vols[i], times[i]);
        }
    }

    /// <summary>
    /// The eight-lane (AVX-512) loop of <see cref="PriceBatchSimd"/>, as in <see cref="BlackScholes.PriceBatchSimd"/>;
    /// returns the index of the first option not priced.
    /// </summary>
    private static int PriceBatchVector512(
        ReadOnlySpan<OptionRight> rights, ReadOnlySpan<double> forwards, ReadOnlySpan<double> strikes,
        ReadOnlySpan<double> rates, ReadOnlySpan<double> vols, ReadOnlySpan<double> times, Span<double> prices)
    {
        ref int rightRef = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<OptionRight, int>(rights));
        ref double forwardRef = ref MemoryMarshal.GetReference(forwards);
        ref double strikeRef = ref MemoryMarshal.GetReference(strikes);
        ref double rateRef = ref MemoryMarshal.GetReference(rates);
        ref double volRef = ref MemoryMarshal.GetReference(vols);
        ref double timeRef = ref MemoryMarshal.GetReference(times);
        ref double priceRef = ref MemoryMarshal.GetReference(prices);
        int i = 0;
        for (; i <= prices.Length - Vector512<double>.Count; i += Vector512<double>.Count)
        {
            nuint at = (nuint)i;
            Vector512<double> t = Vector512.LoadUnsafe(ref timeRef, at);
            Vector512<double> strike = Vector512.LoadUnsafe(ref strikeRef, at);
            Vector512<double> stdDev = Vector512.LoadUnsafe(ref volRef, at) * Vector512.Sqrt(t);
            if (Vector512.LessThanOrEqualAny(stdDev, Vector512<double>.Zero) || Vector512.LessThanOrEqualAny(strike, Vector512<double>.Zero))
            {
                for (int j = i; j < i + Vector512<double>.Count; j++)
                {
                    prices[j] = Price(rights[j], forwards[j], strikes[j], rates[j], vols[j], times[j]);
                }

                continue;
            }

            Vector512<double> sign = Vector512.Create(1.0) - Vector512.Create(2.0) * Avx512F.ConvertToVector512Double(Vector256.LoadUnsafe(ref rightRef, at));
            Vector512<double> discount = VectorMath.Exp(-Vector512.LoadUnsafe(ref rateRef, at) * t);
            Vector512<double> forward = Vector512.LoadUnsafe(ref forwardRef, at);
            (discount * BlackScholes.UndiscountedBlack(sign, forward, strike, stdDev)).StoreUnsafe(ref priceRef, at);
        }

        return i;
    }
}
