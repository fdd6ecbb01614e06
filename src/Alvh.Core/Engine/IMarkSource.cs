namespace Alvh.Engine;

/// <summary>Where a sleeve's context reads today's marks: the engine, which prices each instrument once a day.</summary>
internal interface IMarkSource
{
    /// <summary>Today's model mark of <paramref name="instrument"/> per share or point; NaN when the model has no price.</summary>
    double Mark(in Instrument instrument);

    /// <summary>True when <paramref name="instrument"/> (an option) settles at its expiry day's open (VIX, AM-settled SPX); false for a P.M.-settled one.</summary>
    bool SettlesAtOpen(in Instrument instrument);

    /// <summary>The price model's quote for trading <paramref name="quantity"/> of <paramref name="instrument"/> at today's close (counted as a valuation); not tradable for an option expiring today or before.</summary>
    FillQuote CloseQuote(in Instrument instrument, double quantity);

    /// <summary>Counts <paramref name="count"/> valuations a sleeve made itself (a strike search's deltas) in the run's option valuations.</summary>
    void CountValuations(int count);
}
