namespace Alvh.Regimes;

/// <summary>
/// VIX inside one study window: the highest close (VIX points) and its date, and how many trading days
/// fell in each <see cref="VixRegime"/> band.
/// </summary>
/// <param name="Window">The study window.</param>
/// <param name="MaxVix">Highest VIX close in the window, or null when the data have no finite close there.</param>
/// <param name="MaxVixDate">Date of <paramref name="MaxVix"/> (first on ties), or null.</param>
/// <param name="TradingDays">Rows of the VIX series inside the window (NaN rows included, as <see cref="VixRegime.Unknown"/>).</param>
/// <param name="RegimeDays">Days per band, indexed by <see cref="VixRegime"/> (Unknown, Calm, Normal, Elevated, High, Extreme).</param>
public sealed record StudyWindowVix(StudyWindow Window, double? MaxVix, DateOnly? MaxVixDate, int TradingDays, IReadOnlyList<int> RegimeDays)
{
    /// <summary>Days in one band.</summary>
    public int DaysIn(VixRegime regime) => RegimeDays[(int)regime];

    /// <summary>Summarises the VIX closes on <paramref name="dates"/> (oldest first) that fall inside <paramref name="window"/>.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static StudyWindowVix Of(StudyWindow window, ReadOnlySpan<DateOnly> dates, ReadOnlySpan<double> vix, VixRegimeBands? bands = null)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (vix.Length != dates.Length) throw new ArgumentException("vix length differs from dates", nameof(vix));
        bands ??= VixRegimeBands.Default;
        bands.Validate();
        var counts = new int[Enum.GetValues<VixRegime>().Length];
        double? max = null;
        DateOnly? maxDate = null;
        int days = 0;
        for (int i = 0; i < dates.Length; i++)
        {
            if (!window.Contains(dates[i])) continue;
            days++;
            double v = vix[i];
            counts[(int)bands.Classify(v)]++;
            if (!double.IsNaN(v) && (max is null || v > max))
            {
                max = v;
                maxDate = dates[i];
            }
        }
        return new StudyWindowVix(window, max, maxDate, days, counts);
    }
}
