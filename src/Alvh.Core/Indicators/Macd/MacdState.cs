using System.Runtime.CompilerServices;

namespace Alvh.Indicators;

/// <summary>State and step of MACD, shared by the batch loop (a local) and <see cref="MacdStream"/> (a field).</summary>
internal struct MacdState(int fastPeriod, int slowPeriod, int signalPeriod)
{
    private EmaState _fast = new(fastPeriod);
    private EmaState _slow = new(slowPeriod);
    private EmaState _signal = new(signalPeriod);
    private int _lastSign;

    /// <summary>True once the signal line has been seeded: every later finite input gives a full point.</summary>
    public readonly bool IsReady => _signal.IsReady;

    /// <summary>The ready state's EMAs, smoothing factors and last histogram sign, for a loop that runs <see cref="Add"/>'s steps on locals.</summary>
    public readonly ReadyValues Ready => IsReady
        ? new(_fast.Value, _slow.Value, _signal.Value, _fast.Alpha, _slow.Alpha, _signal.Alpha, _lastSign)
        : throw new InvalidOperationException("MACD is not ready yet");

    /// <summary>Puts back the EMAs and sign a loop took out of <see cref="Ready"/> and advanced.</summary>
    public void SetReady(double fast, double slow, double signal, int lastSign)
    {
        _fast.SetReadyValue(fast);
        _slow.SetReadyValue(slow);
        _signal.SetReadyValue(signal);
        _lastSign = lastSign;
    }

    /// <summary>A ready MACD state's values (see <see cref="Ready"/>).</summary>
    public readonly record struct ReadyValues(double Fast, double Slow, double Signal, double FastAlpha, double SlowAlpha, double SignalAlpha, int LastSign);

    /// <summary>
    /// The batch loop after warm-up (<see cref="IsReady"/>), one point per value: the arithmetic of
    /// <see cref="Add"/> on locals, with the outputs written directly rather than through <c>out</c>
    /// parameters and the warm-up branches gone. Leaves this state unchanged.
    /// </summary>
    public readonly void RunReady(ReadOnlySpan<double> values, Span<double> line, Span<double> signal, Span<double> histogram, Span<int> crossovers)
    {
        line = line[..values.Length];
        signal = signal[..values.Length];
        histogram = histogram[..values.Length];
        crossovers = crossovers[..values.Length];
        double fast = _fast.Value, slow = _slow.Value, signalValue = _signal.Value;
        double fastAlpha = _fast.Alpha, slowAlpha = _slow.Alpha, signalAlpha = _signal.Alpha;
        int lastSign = _lastSign;
        for (int i = 0; i < values.Length; i++)
        {
            double value = values[i];
            if (double.IsNaN(value))
            {
                line[i] = double.NaN;
                signal[i] = double.NaN;
                histogram[i] = double.NaN;
                crossovers[i] = 0;
                continue;
            }
            fast = Smoothing.Step(fast, value, fastAlpha);
            slow = Smoothing.Step(slow, value, slowAlpha);
            double lineValue = fast - slow;
            line[i] = lineValue;
            if (double.IsNaN(lineValue))
            {
                // Only infinite inputs get here (∞ − ∞); the signal state is held, as in Add.
                signal[i] = double.NaN;
                histogram[i] = double.NaN;
                crossovers[i] = 0;
                continue;
            }
            signalValue = Smoothing.Step(signalValue, lineValue, signalAlpha);
            signal[i] = signalValue;
            double histogramValue = double.IsNaN(signalValue) ? double.NaN : lineValue - signalValue;
            histogram[i] = histogramValue;
            int sign = histogramValue > 0 ? 1 : histogramValue < 0 ? -1 : 0;
            int crossover = 0;
            if (sign != 0)
            {
                crossover = lastSign != 0 && sign != lastSign ? sign : 0;
                lastSign = sign;
            }
            crossovers[i] = crossover;
        }
    }

    /// <summary>Adds a value; writes line, signal, histogram (NaN during warm-up) and returns the crossover.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Add(double value, out double line, out double signal, out double histogram)
    {
        double fast = _fast.Add(value);
        double slow = _slow.Add(value);
        signal = double.NaN;
        histogram = double.NaN;
        line = fast - slow;
        if (double.IsNaN(line)) return 0;
        signal = _signal.Add(line);
        if (double.IsNaN(signal)) return 0;
        histogram = line - signal;
        int sign = histogram > 0 ? 1 : histogram < 0 ? -1 : 0;
        if (sign == 0) return 0;
        int crossover = _lastSign != 0 && sign != _lastSign ? sign : 0;
        _lastSign = sign;
        return crossover;
    }
}
