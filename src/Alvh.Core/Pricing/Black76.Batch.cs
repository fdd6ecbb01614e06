using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Alvh.Pricing;

/// <content>Batch pricing over structure-of-arrays spans: a scalar loop and a 4-lane SIMD kernel.</content>
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
    /// Prices many options on forwards four at a time with AVX2/FMA, with the same fallbacks and
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
        int i = 0;
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
}
