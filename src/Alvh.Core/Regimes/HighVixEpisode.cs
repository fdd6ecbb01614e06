namespace Alvh.Regimes;

/// <summary>One high-VIX episode found in the data (see <see cref="HighVixEpisodes"/>).</summary>
/// <param name="Start">Day of the first close above the entry threshold.</param>
/// <param name="PeakDate">Day of the highest close within the episode (first such day on ties).</param>
/// <param name="Peak">Highest VIX close of the episode, VIX points.</param>
/// <param name="End">Day the exit condition was met, or null when the data end inside the episode.</param>
/// <param name="StartIndex">Index of <paramref name="Start"/> in the input.</param>
/// <param name="PeakIndex">Index of <paramref name="PeakDate"/> in the input.</param>
/// <param name="EndIndex">Index of <paramref name="End"/> in the input, or null.</param>
public readonly record struct HighVixEpisode(DateOnly Start, DateOnly PeakDate, double Peak, DateOnly? End, int StartIndex, int PeakIndex, int? EndIndex)
{
    /// <summary>True when the data end inside the episode.</summary>
    public bool IsOpen => End is null;
}
