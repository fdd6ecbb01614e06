namespace Alvh.Analytics;

/// <summary>
/// Year × month table of simple returns (fractions, not annualised) with a yearly total column, as
/// built by <see cref="PeriodReturns.Monthly"/>. Cells with no data are NaN.
/// </summary>
public sealed class MonthlyReturnsTable
{
    private readonly double[] _monthly;
    private readonly double[] _annual;

    internal MonthlyReturnsTable(int firstYear, double[] monthly, double[] annual)
    {
        FirstYear = firstYear;
        _monthly = monthly;
        _annual = annual;
    }

    /// <summary>First calendar year in the table.</summary>
    public int FirstYear { get; }

    /// <summary>Number of calendar years (rows).</summary>
    public int YearCount => _annual.Length;

    /// <summary>Last calendar year in the table.</summary>
    public int LastYear => FirstYear + YearCount - 1;

    /// <summary>Return of <paramref name="month"/> (1–12) of <paramref name="year"/>; NaN outside the data.</summary>
    public double this[int year, int month]
    {
        get
        {
            if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "must be 1 to 12");
            int row = year - FirstYear;
            return row < 0 || row >= YearCount ? double.NaN : _monthly[row * 12 + month - 1];
        }
    }

    /// <summary>The twelve monthly returns of <paramref name="year"/> (January first).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside the table.</exception>
    public ReadOnlySpan<double> Months(int year)
    {
        int row = year - FirstYear;
        if (row < 0 || row >= YearCount) throw new ArgumentOutOfRangeException(nameof(year), year, "outside the table");
        return _monthly.AsSpan(row * 12, 12);
    }

    /// <summary>Return of the whole calendar year (partial for the first and last years); NaN outside the data.</summary>
    public double Annual(int year)
    {
        int row = year - FirstYear;
        return row < 0 || row >= YearCount ? double.NaN : _annual[row];
    }
}
