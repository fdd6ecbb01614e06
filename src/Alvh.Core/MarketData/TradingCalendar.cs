namespace Alvh.MarketData;

/// <summary>
/// The NYSE trading days, derived from the equity data (dates on which SPX or SPY traded).
/// Immutable; lookups are binary searches over a sorted array.
/// </summary>
public sealed class TradingCalendar
{
    private readonly DateOnly[] _days;

    /// <summary>Creates a calendar from strictly increasing trading days.</summary>
    public TradingCalendar(DateOnly[] days)
    {
        ArgumentNullException.ThrowIfNull(days);
        for (int i = 1; i < days.Length; i++)
        {
            if (days[i] <= days[i - 1]) throw new ArgumentException($"days must be strictly increasing (index {i}: {days[i]:yyyy-MM-dd})", nameof(days));
        }
        _days = days;
    }

    /// <summary>The trading days, oldest first.</summary>
    public ReadOnlySpan<DateOnly> Days => _days;

    /// <summary>Number of trading days.</summary>
    public int Count => _days.Length;

    /// <summary>The i-th trading day.</summary>
    public DateOnly this[int index] => _days[index];

    /// <summary>First trading day.</summary>
    public DateOnly First => _days[0];

    /// <summary>Last trading day.</summary>
    public DateOnly Last => _days[^1];

    /// <summary>True when <paramref name="date"/> is a trading day.</summary>
    public bool IsTradingDay(DateOnly date) => Array.BinarySearch(_days, date) >= 0;

    /// <summary>Index of a trading day, or -1 when the date is not one.</summary>
    public int IndexOf(DateOnly date)
    {
        int i = Array.BinarySearch(_days, date);
        return i >= 0 ? i : -1;
    }

    /// <summary>Index of the first trading day on or after <paramref name="date"/>; <see cref="Count"/> when none.</summary>
    public int IndexOnOrAfter(DateOnly date)
    {
        int i = Array.BinarySearch(_days, date);
        return i >= 0 ? i : ~i;
    }

    /// <summary>Index of the last trading day on or before <paramref name="date"/>; -1 when none.</summary>
    public int IndexOnOrBefore(DateOnly date)
    {
        int i = Array.BinarySearch(_days, date);
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>
    /// Aligns a series on this calendar: one value per trading day, NaN where the series has no
    /// row (never filled). Rows on non-trading days are ignored here; the catalog reports them.
    /// </summary>
    public double[] Align(ReadOnlySpan<DateOnly> dates, ReadOnlySpan<double> values)
    {
        // A series on exactly these days (simulated paths, the benchmark's bars) is its own alignment.
        if (dates.Length == values.Length && dates.SequenceEqual(_days))
        {
            // Copied without zeroing first (every element is written): a simulated path aligns two 9,000-bar series.
            var copy = GC.AllocateUninitializedArray<double>(values.Length);
            values.CopyTo(copy);
            return copy;
        }
        var aligned = new double[_days.Length];
        aligned.AsSpan().Fill(double.NaN);
        int j = 0;
        for (int i = 0; i < dates.Length; i++)
        {
            var d = dates[i];
            while (j < _days.Length && _days[j] < d) j++;
            if (j == _days.Length) break;
            if (_days[j] == d) aligned[j] = values[i];
        }
        return aligned;
    }
}
