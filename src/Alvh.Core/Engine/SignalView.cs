using Alvh.Regimes;

namespace Alvh.Engine;

/// <summary>The run's signals as of today's close: no accessor reaches past today.</summary>
public readonly struct SignalView
{
    private readonly Signals _signals;
    private readonly int _today;

    internal SignalView(Signals signals, int today)
    {
        _signals = signals;
        _today = today;
    }

    /// <summary>RSI of the S&amp;P 500 today (NaN in warm-up).</summary>
    public double RsiSpx => _signals.RsiSpx[_today];

    /// <summary>RSI of the VIX today.</summary>
    public double RsiVix => _signals.RsiVix[_today];

    /// <summary>MACD(VIX) crossover today: +1 up, −1 down, 0 none.</summary>
    public int MacdVixCross => _signals.MacdVixCross[_today];

    /// <summary>VIX regime today.</summary>
    public VixRegime Regime => _signals.Regime[_today];

    /// <summary>VIX term structure today.</summary>
    public TermStructureState Term => _signals.Term[_today];

    /// <summary>Breadth divergence today: −1 deteriorating (price high, A/D line not), +1 the mirror, 0 none or no breadth data.</summary>
    public int BreadthDivergence => _signals.BreadthDivergence[_today];

    /// <summary>Breadth divergence <paramref name="lag"/> days ago.</summary>
    public int BreadthDivergenceAgo(int lag) => _today - lag < 0 ? 0 : _signals.BreadthDivergence[_today - Math.Max(0, lag)];

    /// <summary>Trading days until the next scheduled macro event (int.MaxValue when none).</summary>
    public int DaysToMacroEvent => _signals.DaysToMacroEvent[_today];

    /// <summary>RSI of the S&amp;P 500 <paramref name="lag"/> trading days ago (NaN before the first day).</summary>
    public double RsiSpxAgo(int lag) => _today - lag < 0 ? double.NaN : _signals.RsiSpx[_today - Math.Max(0, lag)];

    /// <summary>RSI of the VIX <paramref name="lag"/> trading days ago (NaN before the first day).</summary>
    public double RsiVixAgo(int lag) => _today - lag < 0 ? double.NaN : _signals.RsiVix[_today - Math.Max(0, lag)];

    /// <summary>MACD(VIX) crossover <paramref name="lag"/> days ago (lag ≥ 0).</summary>
    public int MacdVixCrossAgo(int lag) => _today - lag < 0 ? 0 : _signals.MacdVixCross[_today - Math.Max(0, lag)];
}
