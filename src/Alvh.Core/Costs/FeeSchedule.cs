namespace Alvh.Costs;

/// <summary>Per-contract commission and fees of one product, in US dollars per contract (each side).</summary>
/// <param name="CommissionPerContract">Broker commission, USD per contract.</param>
/// <param name="ExchangeFeePerContract">Exchange transaction fee (customer), USD per contract.</param>
/// <param name="ClearingAndRegulatoryFeePerContract">OCC clearing plus options regulatory fee, USD per contract.</param>
public sealed record FeeSchedule(double CommissionPerContract, double ExchangeFeePerContract, double ClearingAndRegulatoryFeePerContract)
{
    /// <summary>SPX defaults: $0.65 commission, $0.60 Cboe fee, $0.03 clearing/regulatory.</summary>
    public static FeeSchedule Spx { get; } = new(0.65, 0.60, 0.03);

    /// <summary>VIX option defaults: $0.65 commission, $0.40 Cboe fee, $0.03 clearing/regulatory.</summary>
    public static FeeSchedule Vix { get; } = new(0.65, 0.40, 0.03);

    /// <summary>All fees for one contract, USD.</summary>
    public double PerContract => CommissionPerContract + ExchangeFeePerContract + ClearingAndRegulatoryFeePerContract;

    /// <summary>Every parameter with value, unit and reason, for reports.</summary>
    /// <param name="product">Name prefix, e.g. "Spx".</param>
    /// <returns>The list.</returns>
    public IReadOnlyList<CostParameter> Describe(string product) =>
    [
        new($"{product}.{nameof(CommissionPerContract)}", CommissionPerContract, "USD/contract",
            "a common retail index-option commission (e.g. Interactive Brokers' fixed $0.65 per contract)"),
        new($"{product}.{nameof(ExchangeFeePerContract)}", ExchangeFeePerContract, "USD/contract",
            "approximate Cboe customer transaction fee (SPX including the index licence surcharge about $0.60; VIX about $0.40 for premiums above $1); check the current Cboe fee schedule"),
        new($"{product}.{nameof(ClearingAndRegulatoryFeePerContract)}", ClearingAndRegulatoryFeePerContract, "USD/contract",
            "OCC clearing fee (about $0.02-0.03) plus the options regulatory fee (under $0.01)"),
    ];
}
