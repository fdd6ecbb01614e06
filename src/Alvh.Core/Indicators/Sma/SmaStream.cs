namespace Alvh.Indicators;

/// <summary>Incremental <see cref="Sma"/>: feeding the series one value at a time gives bitwise the batch output.</summary>
public sealed class SmaStream
{
    private readonly RollingSum _sum;
    private readonly int _period;

    /// <summary>Creates the stream.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public SmaStream(int period)
    {
        Guard.Period(period, 1, nameof(period));
        _period = period;
        _sum = new RollingSum(period);
    }

    /// <summary>The latest output (NaN during warm-up or with a NaN in the window).</summary>
    public double Value { get; private set; } = double.NaN;

    /// <summary>Adds the next value and returns the current SMA.</summary>
    public double Add(double value) => Value = _sum.Add(value) ? _sum.Sum / _period : double.NaN;
}
