namespace Alvh.Indicators;

/// <summary>
/// How the indicators treat a missing (NaN) input. Two families, documented on each indicator:
/// <list type="bullet">
/// <item><description><b>Windowed</b> indicators (SMA, Bollinger, rate of change, z-score, percentile rank,
/// realised volatility, Parkinson, rolling beta and correlation, A/D divergence): the output is NaN while
/// a NaN is inside the window and resumes, recomputed exactly from the window, once the window is clean
/// again. A missing day is never filled.</description></item>
/// <item><description><b>Recursive</b> indicators (EMA, MACD, RSI, ATR, the A/D line): the NaN bar is
/// skipped — its output is NaN and the state is held unchanged; the next finite input continues from the
/// held state (RSI and ATR measure the change from the last finite close). Warm-up counts finite inputs
/// only.</description></item>
/// </list>
/// Only NaN means missing; infinities are treated as numbers.
/// </summary>
public static class NaNPolicy
{
    /// <summary>Short statement of the policy, for reports and logs.</summary>
    public const string Description =
        "windowed indicators: NaN while a NaN is in the window; recursive indicators: NaN bars skipped, state held";
}
