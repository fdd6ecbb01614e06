namespace Alvh.MarketData;

/// <summary>
/// A continuous VIX futures file: per date, VIX spot, the settlements of the n nearest unexpired
/// monthly contracts VX1..VXn (rolled on the expiration day itself), and the S&amp;P 500 close.
/// </summary>
public sealed class VxContinuousCurve
{
    /// <summary>Creates the curve; <paramref name="settles"/>[k] holds VX(k+1) for every date.</summary>
    public VxContinuousCurve(string id, string file, DateOnly[] dates, double[] vix, double[][] settles, double[] sp500)
    {
        Id = id;
        File = file;
        Dates = dates;
        Vix = vix;
        Settles = settles;
        Sp500 = sp500;
    }

    /// <summary>Series id, e.g. <c>vx-continuous</c>.</summary>
    public string Id { get; }

    /// <summary>File read.</summary>
    public string File { get; }

    /// <summary>Dates, strictly increasing.</summary>
    public DateOnly[] Dates { get; }

    /// <summary>VIX close (NaN where missing).</summary>
    public double[] Vix { get; }

    /// <summary>Settles[k][i] is VX(k+1) on Dates[i]; NaN where missing.</summary>
    public double[][] Settles { get; }

    /// <summary>S&amp;P 500 close (NaN where the file has none).</summary>
    public double[] Sp500 { get; }

    /// <summary>Number of contracts (n in VX1..VXn).</summary>
    public int Depth => Settles.Length;

    /// <summary>Number of rows.</summary>
    public int Count => Dates.Length;
}
