namespace Alvh.Benchmarks;

/// <summary>One combination of the canonical sweep and its outcome.</summary>
/// <param name="FastPeriod">Fast SMA period, bars.</param>
/// <param name="SlowPeriod">Slow SMA period, bars.</param>
/// <param name="FinalValue">Final portfolio value, dollars.</param>
/// <param name="Trades">Fills booked.</param>
public readonly record struct SweepPoint(int FastPeriod, int SlowPeriod, double FinalValue, int Trades);
