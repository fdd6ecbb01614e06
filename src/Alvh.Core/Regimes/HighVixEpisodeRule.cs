namespace Alvh.Regimes;

/// <summary>
/// Hysteresis of a high-VIX episode: it starts on the first close strictly above
/// <paramref name="EntryAbove"/> and ends on the <paramref name="ExitDays"/>-th consecutive close
/// strictly below <paramref name="ExitBelow"/> (that day is the end date). Closes between the two
/// thresholds keep the episode open and reset the exit count. Defaults: enter above 25 (the floor of
/// the "high" band), leave after 10 trading days (two weeks) below 20 (the long-run average), so a
/// brief dip does not split one stress period in two.
/// </summary>
/// <param name="EntryAbove">Entry threshold, VIX points (default 25).</param>
/// <param name="ExitBelow">Exit threshold, VIX points, at most the entry (default 20).</param>
/// <param name="ExitDays">Consecutive trading days below the exit threshold that end the episode (default 10).</param>
public sealed record HighVixEpisodeRule(double EntryAbove = 25, double ExitBelow = 20, int ExitDays = 10)
{
    /// <summary>The default rule.</summary>
    public static HighVixEpisodeRule Default { get; } = new();
}
