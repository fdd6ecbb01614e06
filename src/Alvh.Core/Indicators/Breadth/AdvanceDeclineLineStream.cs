namespace Alvh.Indicators;

/// <summary>Incremental <see cref="AdvanceDeclineLine"/>; equals the batch output bitwise.</summary>
public sealed class AdvanceDeclineLineStream
{
    private double _total;

    /// <summary>Adds a day's advancing and declining counts; returns the A/D line (NaN for a NaN day).</summary>
    public double Add(double advances, double declines)
    {
        if (double.IsNaN(advances) || double.IsNaN(declines)) return double.NaN;
        _total += advances - declines;
        return _total;
    }
}
