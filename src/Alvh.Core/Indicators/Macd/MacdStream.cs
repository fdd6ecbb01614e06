namespace Alvh.Indicators;

/// <summary>Incremental <see cref="Macd"/>; equals the batch output bitwise.</summary>
public sealed class MacdStream
{
    private static readonly MacdPoint Missing = new(double.NaN, double.NaN, double.NaN, 0);
    private readonly EmaStream _fast;
    private readonly EmaStream _slow;
    private readonly EmaStream _signal;
    private int _lastSign;

    /// <summary>Creates the stream (defaults 12/26/9).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A period is below 1, or <paramref name="fastPeriod"/> is not below <paramref name="slowPeriod"/>.</exception>
    public MacdStream(int fastPeriod = 12, int slowPeriod = 26, int signalPeriod = 9)
    {
        Guard.Period(fastPeriod, 1, nameof(fastPeriod));
        Guard.Period(slowPeriod, fastPeriod + 1, nameof(slowPeriod));
        Guard.Period(signalPeriod, 1, nameof(signalPeriod));
        _fast = new EmaStream(fastPeriod);
        _slow = new EmaStream(slowPeriod);
        _signal = new EmaStream(signalPeriod);
    }

    /// <summary>Adds the next value and returns the current MACD point.</summary>
    public MacdPoint Add(double value)
    {
        double fast = _fast.Add(value);
        double slow = _slow.Add(value);
        if (double.IsNaN(fast) || double.IsNaN(slow)) return Missing;
        double line = fast - slow;
        double signal = _signal.Add(line);
        if (double.IsNaN(signal)) return new MacdPoint(line, double.NaN, double.NaN, 0);
        double histogram = line - signal;
        int sign = histogram > 0 ? 1 : histogram < 0 ? -1 : 0;
        int crossover = 0;
        if (sign != 0)
        {
            if (_lastSign != 0 && sign != _lastSign) crossover = sign;
            _lastSign = sign;
        }
        return new MacdPoint(line, signal, histogram, crossover);
    }
}
