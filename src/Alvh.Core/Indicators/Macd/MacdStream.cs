namespace Alvh.Indicators;

/// <summary>Incremental <see cref="Macd"/>; equals the batch output bitwise.</summary>
public sealed class MacdStream
{
    private MacdState _state;

    /// <summary>Creates the stream (defaults 12/26/9).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A period is below 1, or <paramref name="fastPeriod"/> is not below <paramref name="slowPeriod"/>.</exception>
    public MacdStream(int fastPeriod = 12, int slowPeriod = 26, int signalPeriod = 9)
    {
        Macd.Validate(fastPeriod, slowPeriod, signalPeriod);
        _state = new MacdState(fastPeriod, slowPeriod, signalPeriod);
    }

    /// <summary>Adds the next value and returns the current MACD point.</summary>
    public MacdPoint Add(double value)
    {
        int crossover = _state.Add(value, out double line, out double signal, out double histogram);
        return new MacdPoint(line, signal, histogram, crossover);
    }
}
