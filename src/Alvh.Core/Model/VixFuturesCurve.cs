namespace Alvh.Model;

/// <summary>
/// The VX futures curve of one trading day: the real settlement for every contract that traded
/// that day, the mean-reverting model elsewhere (see <see cref="VixFuturesModel"/>). A view over
/// the model's arrays: copying it allocates nothing.
/// </summary>
public readonly struct VixFuturesCurve
{
    private readonly VixFuturesModel _model;

    internal VixFuturesCurve(VixFuturesModel model, int dayIndex)
    {
        _model = model;
        DayIndex = dayIndex;
    }

    /// <summary>Index of the trading day.</summary>
    public int DayIndex { get; }

    /// <summary>The trading day.</summary>
    public DateOnly Date => _model.Calendar[DayIndex];

    /// <summary>VIX close that day, index points (NaN when missing).</summary>
    public double Vix => _model.VixClose(DayIndex);

    /// <summary>The futures price for the contract expiring on <paramref name="expiration"/>, VIX points: settle if observed, else the model.</summary>
    public double Future(DateOnly expiration) => _model.Future(DayIndex, expiration);

    /// <summary>True when the data has a settle for this contract on this day.</summary>
    public bool IsObserved(DateOnly expiration) => !double.IsNaN(_model.ObservedSettle(DayIndex, expiration));

    /// <summary>The model price θ + (VIX − θ)e^{−κτ} for <paramref name="days"/> calendar days to expiry, VIX points.</summary>
    public double Modelled(double days) => _model.Modelled(Vix, days);
}
