using Alvh.Costs;
using Alvh.Pricing;

namespace Alvh.Engine.Options;

/// <summary>
/// Prices SPX and VIX options for the engine from an <see cref="IOptionMarket"/>: SPX by
/// Black–Scholes–Merton on the surface vol at the strike, VIX by Black-76 on the same-expiry VIX
/// future (never spot VIX). Time to expiry is calendar days / 365; an AM-settled option is treated as
/// expiring at the open of its expiry day. Next-bar fills are at the open (<see cref="OpenMark"/>);
/// same-close fills at the close mark. Fills go through the cost model (<see cref="IFillModel"/>:
/// the bid–ask model, the fill convention and the fees per contract). Settlement: SPX PM
/// options to the expiry-day close, SPX AM options to the expiry-day open (a proxy for the special
/// opening quotation), VIX options to the special opening quotation where the data has it (the final VX
/// settlement), else the VIX open on expiry day.
/// </summary>
public sealed class OptionPricer(IOptionMarket market, IFillModel fills) : IPriceModel
{
    /// <inheritdoc />
    public IReadOnlyList<Assumption> Assumptions { get; } = new LazyList<Assumption>(() =>
        [.. market.Assumptions, .. fills.Parameters.Select(p => new Assumption("costs." + p.Name, p.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), p.Unit, p.Reason))]);

    /// <inheritdoc />
    public double Mark(in Instrument instrument, int day)
    {
        var date = market.Date(day);
        if (instrument.Expiry < date) return double.NaN;
        double t = YearsToExpiry(instrument, date);
        if (instrument.Kind == InstrumentKind.SpxOption)
        {
            double spot = market.SpxSpot(day);
            double vol = market.SpxVol(day, instrument.Strike, Math.Max(t, 1.0 / 365));
            return BlackScholes.Price(instrument.Right, spot, instrument.Strike, market.Rate(day), market.DividendYield(day), vol, t);
        }
        double future = market.VixFuture(day, instrument.Expiry);
        double vixVol = market.VixOptionVol(day, instrument.Expiry, instrument.Strike);
        return Black76.Price(instrument.Right, future, instrument.Strike, market.Rate(day), vixVol, t);
    }

    /// <summary>
    /// The model price at the open of <paramref name="day"/>, from what is known then: the SPX open
    /// (VIX options: the previous close's future scaled by VIX open / previous VIX close) with the
    /// previous close's rates and volatilities, and 6.5 more hours to expiry than at the close.
    /// </summary>
    public double OpenMark(in Instrument instrument, int day)
    {
        if (day == 0) return Mark(instrument, day);
        var date = market.Date(day);
        // On its expiry day an option has a price at the open only when it settles at the close (P.M.-settled SPX).
        if (instrument.Expiry < date || (instrument.Expiry == date && SettlesAtOpen(instrument))) return double.NaN;
        double t = YearsToExpiry(instrument, date) + 6.5 / 24 / 365;
        int known = day - 1;
        if (instrument.Kind == InstrumentKind.SpxOption)
        {
            // The market's level at the open (model.spxOpen: SPY's overnight move by default); without one the previous
            // close stands: the day's close mark, used before, is not known at the open.
            double spot = market.SpxOpen(day);
            if (double.IsNaN(spot)) spot = market.SpxSpot(known);
            if (double.IsNaN(spot)) return double.NaN;
            double vol = market.SpxVol(known, instrument.Strike, Math.Max(t, 1.0 / 365));
            return BlackScholes.Price(instrument.Right, spot, instrument.Strike, market.Rate(known), market.DividendYield(known), vol, t);
        }
        // The last VIX close before the open (the day after one without a VIX row took the day's close mark, not known at
        // the open); none at all before the series starts: no price.
        double vixOpen = market.VixOpen(day), vixBefore = LastVixClose(known);
        if (double.IsNaN(vixBefore)) return double.NaN;
        // Without a trusted open (before 1992 the VIX's open is its close), the previous close's future stands: the day's
        // close mark, used before, is not known at the open.
        double future = market.VixFuture(known, instrument.Expiry) * (double.IsNaN(vixOpen) ? 1 : vixOpen / vixBefore);
        double vixVol = market.VixOptionVol(known, instrument.Expiry, instrument.Strike);
        return Black76.Price(instrument.Right, future, instrument.Strike, market.Rate(known), vixVol, t);
    }

    /// <inheritdoc />
    public FillQuote Fill(in FillRequest request)
    {
        double mark = request.AtOpen ? OpenMark(request.Instrument, request.Day) : Mark(request.Instrument, request.Day);
        if (double.IsNaN(mark)) return new FillQuote(double.NaN, 0, false);
        var instrument = request.Instrument;
        var date = market.Date(request.Day);
        var product = instrument.Kind == InstrumentKind.VixOption ? OptionProduct.Vix : OptionProduct.Spx;
        int contracts = (int)Math.Round(request.Quantity);
        if (contracts == 0) return new FillQuote(double.NaN, 0, false);
        var fill = fills.Fill(new Costs.FillRequest(product, mark, instrument.Expiry.DayNumber - date.DayNumber, SpreadVix(request.Day, request.AtOpen), contracts));
        return new FillQuote(fill.Price, fill.Fees, true, mark);
    }

    /// <summary>
    /// The VIX that widens a fill's spread, as known when it fills: at the open, the VIX's open (as the open mark of a VIX
    /// option uses), else the last close before the day; at the close, the day's close, else the last before it. An open
    /// fill used the day's close, which is not known at the open; and on a day the VIX did not print (1991-03-01,
    /// 1997-01-31, 1997-11-26) the NaN ended `alvh study --as-if` with "vix ('NaN') must be a non-negative value".
    /// </summary>
    private double LastVixClose(int day)
    {
        for (int d = day; d >= 0; d--)
        {
            double vix = market.Vix(d);
            if (!double.IsNaN(vix)) return vix;
        }
        return double.NaN;
    }

    private double SpreadVix(int day, bool atOpen)
    {
        if (atOpen && !double.IsNaN(market.VixOpen(day))) return market.VixOpen(day);
        double vix = LastVixClose(atOpen ? day - 1 : day);
        return double.IsNaN(vix) && atOpen ? SpreadVix(day, atOpen: false) : vix;
    }

    /// <inheritdoc />
    public double Settlement(in Instrument instrument, int day)
    {
        double underlying = instrument.Kind == InstrumentKind.VixOption
            ? market.VixSettlement(instrument.Expiry, day)
            : market.IsAmSettled(instrument.Expiry) ? AmSettlement(day) : market.SpxSpot(day);
        return instrument.Right == OptionRight.Call ? Math.Max(0, underlying - instrument.Strike) : Math.Max(0, instrument.Strike - underlying);
    }

    /// <inheritdoc />
    public bool SettlesAtOpen(in Instrument instrument) => instrument.Kind == InstrumentKind.VixOption || market.IsAmSettled(instrument.Expiry);

    /// <summary>Years from the close of <paramref name="date"/> to the option's settlement (AM options settle at the open).</summary>
    public double YearsToExpiry(in Instrument instrument, DateOnly date)
    {
        double days = instrument.Expiry.DayNumber - date.DayNumber;
        bool am = instrument.Kind == InstrumentKind.VixOption || market.IsAmSettled(instrument.Expiry);
        // A PM option settles at 16:00 on expiry, an AM one at 09:30: 6.5 hours earlier.
        if (am) days -= 6.5 / 24;
        return Math.Max(0, days) / 365.0;
    }

    /// <summary>
    /// The SPX's A.M. settlement (the special opening quotation), taken as the level at the open (model.spxOpen: from its
    /// members' opening trades, nearer SPY's overnight move than the index's first print); without one, the previous close
    /// (nearer the opening quotation, on average, than the day's close: the S&amp;P 500 moves less overnight than from the
    /// open to the close), else the day's close.
    /// </summary>
    private double AmSettlement(int day)
    {
        double open = market.SpxOpen(day);
        if (!double.IsNaN(open)) return open;
        double previous = day > 0 ? market.SpxSpot(day - 1) : double.NaN;
        return double.IsNaN(previous) ? market.SpxSpot(day) : previous;
    }
}
