namespace Alvh.MarketData;

/// <summary>
/// Robert Shiller's monthly S&amp;P composite data. Each array has one value per month; 0 in the
/// source means missing and is NaN here. Price is the monthly average of daily closes (not the
/// month-end close); dividend and earnings are trailing 12-month totals in index points; the
/// long rate is the 10-year Treasury yield in percent; CAPE is the cyclically adjusted P/E.
/// </summary>
public sealed class ShillerMonthly
{
    /// <summary>Creates the dataset from parallel arrays of equal length.</summary>
    public ShillerMonthly(string id, string file, DateOnly[] months, double[] price, double[] dividend,
        double[] earnings, double[] cpi, double[] longRate, double[] cape)
    {
        Id = id;
        File = file;
        Months = months;
        Price = price;
        Dividend = dividend;
        Earnings = earnings;
        Cpi = cpi;
        LongRate = longRate;
        Cape = cape;
    }

    /// <summary>Series id, <c>shiller</c>.</summary>
    public string Id { get; }

    /// <summary>File read.</summary>
    public string File { get; }

    /// <summary>First day of each month, strictly increasing.</summary>
    public DateOnly[] Months { get; }

    /// <summary>S&amp;P composite, monthly average of daily closes.</summary>
    public double[] Price { get; }

    /// <summary>Trailing 12-month dividends, index points (NaN when missing).</summary>
    public double[] Dividend { get; }

    /// <summary>Trailing 12-month earnings, index points (NaN when missing).</summary>
    public double[] Earnings { get; }

    /// <summary>Consumer price index (NaN when missing).</summary>
    public double[] Cpi { get; }

    /// <summary>Long-term (10-year) interest rate, percent (NaN when missing).</summary>
    public double[] LongRate { get; }

    /// <summary>Cyclically adjusted P/E, PE10 (NaN when missing).</summary>
    public double[] Cape { get; }

    /// <summary>Number of months.</summary>
    public int Count => Months.Length;
}
