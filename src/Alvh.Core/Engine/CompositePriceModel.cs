namespace Alvh.Engine;

/// <summary>Routes equities to one model and options to another.</summary>
public sealed class CompositePriceModel(IPriceModel equities, IPriceModel options) : IPriceModel
{
    /// <inheritdoc />
    public IReadOnlyList<Assumption> Assumptions { get; } = new LazyList<Assumption>(() => [.. equities.Assumptions, .. options.Assumptions]);

    /// <inheritdoc />
    public double Mark(in Instrument instrument, int day) => For(instrument).Mark(instrument, day);

    /// <inheritdoc />
    public double[]? MarkSeries(in Instrument instrument) => For(instrument).MarkSeries(instrument);

    /// <inheritdoc />
    public FillQuote Fill(in FillRequest request) => For(request.Instrument).Fill(request);

    /// <inheritdoc />
    public double Settlement(in Instrument instrument, int day) => For(instrument).Settlement(instrument, day);

    /// <inheritdoc />
    public bool SettlesAtOpen(in Instrument instrument) => For(instrument).SettlesAtOpen(instrument);

    private IPriceModel For(in Instrument instrument) => instrument.IsOption ? options : equities;
}
