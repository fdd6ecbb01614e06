namespace Alvh.Costs;

/// <summary>Fills an order (LEAN's one-method fill-model shape).</summary>
public interface IFillModel
{
    /// <summary>Fills <paramref name="request"/>.</summary>
    /// <param name="request">The order.</param>
    /// <returns>Price, spread, fees and cash flow.</returns>
    FillResult Fill(in FillRequest request);

    /// <summary>Every parameter of the model (name, value, unit, reason), printed in reports.</summary>
    IReadOnlyList<CostParameter> Parameters { get; }
}
