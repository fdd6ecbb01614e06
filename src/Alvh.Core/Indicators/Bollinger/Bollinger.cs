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
        var sink = new Sink(middle, upper, lower, new HalfWidth(period, width));
        WindowMoments.Run(values, period, ref sink);
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

    /// <summary>(value, mean, M2) → half-width k·σ of the bands (population σ = √(M2/n)); NaN stays NaN.</summary>
    internal readonly struct HalfWidth(int period, double width) : VectorLoops.ILaneFormula
    {
        private readonly Vector256<double> _width = Vector256.Create(width);
        private readonly Vector256<double> _inverseN = Vector256.Create(1.0 / period);

        public Vector256<double> Of(Vector256<double> value, Vector256<double> mean, Vector256<double> m2) =>
            _width * Vector256.Sqrt(WindowMoments.NonNegative(m2) * _inverseN);
    }

    private ref struct Sink(Span<double> middle, Span<double> upper, Span<double> lower, HalfWidth halfWidth) : VectorLoops.IBarSink
    {
        private readonly Span<double> _middle = middle;
        private readonly Span<double> _upper = upper;
        private readonly Span<double> _lower = lower;

        public readonly void Missing(int start, int end)
        {
            _middle[start..end].Fill(double.NaN);
            _upper[start..end].Fill(double.NaN);
            _lower[start..end].Fill(double.NaN);
        }

        public readonly void Emit(int index, Vector256<double> value, Vector256<double> mean, Vector256<double> m2)
        {
            var band = halfWidth.Of(value, mean, m2);
            mean.StoreUnsafe(ref MemoryMarshal.GetReference(_middle), (nuint)index);
            (mean + band).StoreUnsafe(ref MemoryMarshal.GetReference(_upper), (nuint)index);
            (mean - band).StoreUnsafe(ref MemoryMarshal.GetReference(_lower), (nuint)index);
        }

        public readonly void EmitOne(int index, double value, double mean, double m2)
        {
            double band = VectorLoops.One(halfWidth, value, mean, m2);
            _middle[index] = mean;
            _upper[index] = mean + band;
            _lower[index] = mean - band;
        }
    }
}
