namespace Alvh.Research.Scenarios;

/// <summary>
/// One simulated market: per trading day the S&amp;P 500 open, high, low and close, VIX open and close, and
/// the VIX term structure (9-day, 3-month, 6-month; NaN where the generator leaves it to the surface
/// model's fitted extrapolation) and VVIX. Levels in index points.
/// </summary>
public sealed class ScenarioPath
{
    /// <summary>Allocates a path of <paramref name="days"/> days.</summary>
    public ScenarioPath(DateOnly[] days)
    {
        ArgumentNullException.ThrowIfNull(days);
        Days = days;
        int n = days.Length;
        SpxOpen = new double[n]; SpxHigh = new double[n]; SpxLow = new double[n]; SpxClose = new double[n];
        VixOpen = new double[n]; VixClose = new double[n]; Vix9d = new double[n]; Vix3m = new double[n]; Vix6m = new double[n]; Vvix = new double[n];
        SourceDays = new int[n];
    }

    /// <summary>Trading days.</summary>
    public DateOnly[] Days { get; }

    /// <summary>S&amp;P 500 open.</summary>
    public double[] SpxOpen { get; }

    /// <summary>S&amp;P 500 high.</summary>
    public double[] SpxHigh { get; }

    /// <summary>S&amp;P 500 low.</summary>
    public double[] SpxLow { get; }

    /// <summary>S&amp;P 500 close.</summary>
    public double[] SpxClose { get; }

    /// <summary>VIX open.</summary>
    public double[] VixOpen { get; }

    /// <summary>VIX close.</summary>
    public double[] VixClose { get; }

    /// <summary>VIX9D close (NaN: extrapolated by the surface model).</summary>
    public double[] Vix9d { get; }

    /// <summary>VIX3M close.</summary>
    public double[] Vix3m { get; }

    /// <summary>VIX6M close.</summary>
    public double[] Vix6m { get; }

    /// <summary>VVIX close.</summary>
    public double[] Vvix { get; }

    /// <summary>Bootstrap: the historical day each simulated day was drawn from (−1 for none, e.g. a model path).</summary>
    public int[] SourceDays { get; }
}
