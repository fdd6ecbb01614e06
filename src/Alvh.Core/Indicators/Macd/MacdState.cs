using System.Runtime.CompilerServices;

namespace Alvh.Indicators;

/// <summary>State and step of MACD, shared by the batch loop (a local) and <see cref="MacdStream"/> (a field).</summary>
internal struct MacdState(int fastPeriod, int slowPeriod, int signalPeriod)
{
    private EmaState _fast = new(fastPeriod);
    private EmaState _slow = new(slowPeriod);
    private EmaState _signal = new(signalPeriod);
    private int _lastSign;

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
