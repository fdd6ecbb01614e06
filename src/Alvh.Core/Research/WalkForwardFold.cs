namespace Alvh.Research;

/// <summary>One step of a walk-forward: the configuration chosen on the train window and how it did on the test window.</summary>
/// <param name="TrainFrom">First day of the train window.</param>
/// <param name="TrainTo">Last day of the train window.</param>
/// <param name="TestFrom">First day of the test window.</param>
/// <param name="TestTo">Last day of the test window.</param>
/// <param name="Chosen">Index of the configuration with the best train Sharpe.</param>
/// <param name="TrainSharpe">Its annualised Sharpe on the train window (NaN when no configuration had one).</param>
/// <param name="TestSharpe">Its annualised Sharpe on the test window (every day's return from the close before it; NaN without dispersion).</param>
/// <param name="TestReturn">Its total return on the test window, from the close before it (where it was chosen) to the window's last close, a fraction.</param>
/// <param name="Tied">How many configurations share the best train Sharpe, to the bit or by having the chosen one's daily
/// returns within rounding noise (1e-12) on every day of the train window (the chosen one included; the first listed is
/// chosen): more than 1 when the grid's points did not differ on the train window (an ALVH before VIX options were listed;
/// a DRIP swept over its capital in most folds, not all: its buys are cut to 1e-6 of a share, so its returns differ past
/// 1e-12 on a few days), so the choice says nothing. 0 when no configuration had a Sharpe ratio.</param>
public sealed record WalkForwardFold(DateOnly TrainFrom, DateOnly TrainTo, DateOnly TestFrom, DateOnly TestTo, int Chosen, double TrainSharpe, double TestSharpe, double TestReturn, int Tied = 1);
