using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Alvh.Indicators;

/// <summary>
/// Bollinger bands: middle = SMA(period), upper/lower = middle ± k·σ with σ the <b>population</b>
/// standard deviation of the same window (Bollinger's convention), input units. First value at index
/// <c>period − 1</c>. Windowed NaN policy (see <see cref="NaNPolicy"/>).
/// </summary>
public static class Bollinger
{
    /// <summary>Writes middle, upper and lower bands (each of the input's length).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1 or <paramref name="width"/> is negative or NaN.</exception>
    public static void Compute(ReadOnlySpan<double> values, int period, double width,
        Span<double> middle, Span<double> upper, Span<double> lower)
    {
        Validate(period, width);
        Guard.SameLength(values.Length, middle.Length, nameof(middle));
        Guard.SameLength(values.Length, upper.Length, nameof(upper));
        Guard.SameLength(values.Length, lower.Length, nameof(lower));
        // The running moments first (M2 parked in the upper band), then the square roots of every bar in
        // one vector pass: per bar they had kept the divider busy.
        var sink = new Sink(middle, upper, lower);
        WindowMoments.Run(values, period, ref sink);
        Finish(middle, upper, lower, width, 1.0 / period);
    }

    /// <summary>Bands from the means in <paramref name="middle"/> and the M2s in <paramref name="upper"/> (NaN stays NaN).</summary>
    private static void Finish(ReadOnlySpan<double> middle, Span<double> upper, Span<double> lower, double width, double inverseN)
    {
        upper = upper[..middle.Length];
        lower = lower[..middle.Length];
        ref double mean = ref MemoryMarshal.GetReference(middle);
        ref double high = ref MemoryMarshal.GetReference(upper);
        ref double low = ref MemoryMarshal.GetReference(lower);
        var w = Vector256.Create(width);
        var scale = Vector256.Create(inverseN);
        int i = 0;
        for (; i <= middle.Length - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            var m = Vector256.LoadUnsafe(ref mean, (nuint)i);
            var band = w * Vector256.Sqrt(Vector256.LoadUnsafe(ref high, (nuint)i) * scale);
            (m + band).StoreUnsafe(ref high, (nuint)i);
            (m - band).StoreUnsafe(ref low, (nuint)i);
        }
        for (; i < middle.Length; i++)
        {
            double band = Band(width, upper[i], inverseN);
            upper[i] = middle[i] + band;
            lower[i] = middle[i] - band;
        }
    }

    /// <summary>Bollinger bands of <paramref name="values"/> (defaults 20 bars, 2 standard deviations).</summary>
    public static BollingerSeries Compute(ReadOnlySpan<double> values, int period = 20, double width = 2.0)
    {
        var result = new BollingerSeries(new double[values.Length], new double[values.Length], new double[values.Length]);
        Compute(values, period, width, result.Middle, result.Upper, result.Lower);
        return result;
    }

    internal static void Validate(int period, double width)
    {
        Guard.Period(period, 1, nameof(period));
        if (!(width >= 0)) throw new ArgumentOutOfRangeException(nameof(width), width, "must be non-negative");
    }

    /// <summary>Half-width k·σ of the bands from the window's M2 (population σ = √(M2/n)).</summary>
    internal static double Band(double width, double m2, double inverseN) => width * Math.Sqrt(m2 * inverseN);

    private ref struct Sink(Span<double> middle, Span<double> upper, Span<double> lower) : WindowMoments.ISink
    {
        private readonly Span<double> _middle = middle;
        private readonly Span<double> _upper = upper;
        private readonly Span<double> _lower = lower;

        public readonly void Missing(int index)
        {
            _middle[index] = double.NaN;
            _upper[index] = double.NaN;
            _lower[index] = double.NaN;
        }

        public readonly void Emit(int index, double value, double mean, double m2)
        {
            _middle[index] = mean;
            _upper[index] = m2;
        }
    }
}
