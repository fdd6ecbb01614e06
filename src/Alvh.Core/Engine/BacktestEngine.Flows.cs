using Alvh.Ledger;
using Alvh.Pricing;

namespace Alvh.Engine;

/// <summary>Settlements, dividends, interest and fills: each returns the P&amp;L it adds to tracked equity.</summary>
public sealed partial class BacktestEngine
{
    /// <summary>Settles the carried options expiring today that settle at the open (<paramref name="atOpen"/>) or at the close.</summary>
    private double Settle(int day, DateOnly date, bool atOpen)
    {
        double pnl = 0;
        int today = date.DayNumber;
        foreach (ref readonly var p in Carried)
        {
            if (_expiryDay[p.Instrument] > today) continue; // equities never expire
            var instrument = _ledger.InstrumentAt(p.Instrument);
            if (_prices.SettlesAtOpen(instrument) != atOpen) continue;
            double value = _prices.Settlement(instrument, day);
            _optionValuations++;
            if (double.IsNaN(value)) throw new InvalidOperationException($"no settlement value for {instrument.Id} on {date:yyyy-MM-dd}");
            // What is held now settles: a P.M.-settled option can be closed, in whole or in part, at its expiry day's open
            // (ClosableAtNextFill), before its settlement at the close. That fill's P&L ran from its price to today's close
            // mark, so the part closed moves here from the previous close's mark to today's; the rest to the settlement.
            string sleeve = _ledger.SleeveAt(p.Sleeve);
            double carried = p.Quantity, left = _ledger.Quantity(sleeve, instrument), previous = _prevMarks[p.Instrument];
            if (left != 0) _ledger.Append(date, EntryKind.Settlement, sleeve, instrument, -left, value, left * value * instrument.Multiplier, "expiry");
            pnl += left * (value - previous) * instrument.Multiplier;
            if (left != carried) pnl += (carried - left) * (MarkOf(p.Instrument, day) - previous) * instrument.Multiplier;
        }
        return pnl;
    }

    /// <summary>
    /// Why the legs of <paramref name="order"/> on <paramref name="instrument"/> cannot fill on <paramref name="date"/>, null when it can: the
    /// option expired before, or expires that day and has settled by the fill (settled at the open, or the fill is at the
    /// close). A P.M.-settled SPX option filled at its expiry day's open has not: it trades until its settlement at the
    /// close, but only to close what the sleeve holds. An order that opens or adds to a position there (0DTE, not modelled)
    /// is refused: the settlement books the positions held at the previous close, so the new one stayed in the book past
    /// its expiry and settled the next trading day at that day's value. The legs of <paramref name="order"/> on the
    /// instrument are judged together (their sum against what the sleeve holds): two sales of 10 of the 10 held each closed
    /// them alone, and together sold 20, the rest a new short on its expiry morning.
    /// </summary>
    private string? NotTradable(in Instrument instrument, DateOnly date, bool atOpen, ReadOnlySpan<Intent> order)
    {
        if (!instrument.IsOption || instrument.Expiry > date) return null;
        if (instrument.Expiry < date || !atOpen || _prices.SettlesAtOpen(instrument)) return ExpiredWhy;
        double quantity = 0;
        foreach (ref readonly var leg in order)
        {
            if (leg.Instrument.Equals(instrument)) quantity += leg.Quantity;
        }
        double held = _ledger.Quantity(order[0].Sleeve, instrument);
        bool closes = held != 0 && Math.Sign(held) != Math.Sign(quantity) && Math.Abs(quantity) <= Math.Abs(held);
        return closes ? null : OpensOnExpiryWhy;
    }

    private const string ExpiredWhy = "expires on or before the fill day";
    private const string OpensOnExpiryWhy = "opens a position on its expiry day (0DTE is not modelled: on its expiry morning a P.M.-settled option is only closed)";

    private double Dividends(int day, DateOnly date)
    {
        double pnl = 0;
        // Entitlement: shares held at the previous close (before today's fills) on the ex-date.
        foreach (ref readonly var p in Carried)
        {
            if (_dividends[p.Instrument] is not { } dividends) continue;
            foreach (var d in dividends.ExOn(date))
            {
                var name = _ledger.SleeveAt(p.Sleeve);
                int runSleeve = RunSleeveOfLedgerSleeve()[p.Sleeve];
                if (runSleeve < 0) throw new InvalidOperationException($"no sleeve named {name}");
                var sleeve = _sleeves[runSleeve];
                double amount = p.Quantity * d.Amount;
                var pay = sleeve.Dividends == DividendPolicy.ReinvestOnExDate ? date : d.PayDate ?? DefaultPayDate(d.ExDate);
                _receivables.Add(new Receivable(name, runSleeve, _ledger.InstrumentAt(p.Instrument), p.Instrument, amount, d.ExDate, pay, sleeve.Dividends, sleeve.WholeShares));
                pnl += amount;
            }
        }
        // Payment: cash on the pay date (or the first trading day after it), then the DRIP purchase at that close.
        for (int i = 0; i < _receivables.Count; i++)
        {
            var r = _receivables[i];
            if (r.PayDate > date) continue;
            _receivables.RemoveAt(i--);
            _ledger.Append(date, EntryKind.Dividend, r.Sleeve, r.Instrument, 0, 0, r.Amount, $"dividend ex {r.ExDate:yyyy-MM-dd}");
            if (r.Policy == DividendPolicy.Cash)
            {
                _contexts[r.RunSleeve].DividendsKept += r.Amount;
                continue;
            }
            double close = MarkOf(r.Index, day);
            double shares = r.Amount / close;
            if (r.WholeShares) shares = Math.Floor(shares);
            if (shares <= 0) continue;
            _ledger.Append(date, EntryKind.Reinvestment, r.Sleeve, r.Instrument, shares, close, -shares * close, $"DRIP ex {r.ExDate:yyyy-MM-dd}");
            _trades.Add(date, r.Sleeve, r.Index, shares, close, 0, TradeRecord.DividendReinvestment);
        }
        return pnl;
    }

    /// <summary>SPY pays on the last business day of the month after the ex-date (PROVENANCE.md), used when the source has no pay date.</summary>
    private DateOnly DefaultPayDate(DateOnly exDate)
    {
        var endOfNextMonth = new DateOnly(exDate.Year, exDate.Month, 1).AddMonths(2).AddDays(-1);
        int i = _data.Calendar.IndexOnOrBefore(endOfNextMonth);
        return i >= 0 && _data.Calendar[i] > exDate ? _data.Calendar[i] : endOfNextMonth;
    }

    private double Interest(int day, DateOnly previous, DateOnly date)
    {
        var rates = _config.RiskFreeRate.Span;
        if (rates.IsEmpty) return 0;
        // The calendar's precomputed growth when the run has it (the same expression on the same inputs).
        var table = _config.RiskFreeGrowth.Span;
        double growth = table.IsEmpty ? double.IsNaN(rates[day - 1]) ? double.NaN : BillGrowth.Between(rates[day - 1], previous, date) : table[day];
        if (double.IsNaN(growth)) return 0;
        double pnl = 0;
        foreach (var s in _sleeves.AsSpan())
        {
            double cash = _ledger.Cash(s.Name);
            double interest = cash * growth;
            if (interest == 0) continue;
            _ledger.Append(date, EntryKind.Interest, s.Name, default, 0, 0, interest, "T-bill rate");
            pnl += interest;
        }
        return pnl;
    }

    private double FillPending(int day, DateOnly date, bool atOpen)
    {
        if (_pending.Count == 0) return 0;
        double pnl = 0;
        // By reference: an intent is a struct of about 90 bytes with four references. Nothing here may change the list
        // (a span, unlike the list's enumerator, would not notice): checked after the loop in debug builds.
        int pending = _pending.Count;
        var intents = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_pending);
        for (int i = 0; i < intents.Length; i++)
        {
            ref readonly var intent = ref intents[i];
            if (intent.IsTransfer)
            {
                double amount = Math.Min(intent.Amount, Math.Max(0, _ledger.Cash(intent.Sleeve)));
                if (amount <= 0) continue;
                _ledger.Append(date, EntryKind.Transfer, intent.Sleeve, default, 0, 0, -amount, intent.Reason);
                _ledger.Append(date, EntryKind.Transfer, intent.TransferTo!, default, 0, 0, amount, intent.Reason);
                continue;
            }
            if (intent.Combo != 0)
            {
                int end = i + 1;
                while (end < intents.Length && intents[end].Combo == intent.Combo && !intents[end].IsTransfer && intents[end].Sleeve == intent.Sleeve) end++;
                if (end - i > 1)
                {
                    pnl += FillCombo(intents[i..end], day, date, atOpen);
                    i = end - 1;
                    continue;
                }
            }
            pnl += Fill(intent, day, date, atOpen);
        }
        System.Diagnostics.Debug.Assert(_pending.Count == pending, "intents were added while the pending ones filled");
        _pending.Clear();
        return pnl;
    }

    private double Fill(in Intent intent, int day, DateOnly date, bool atOpen)
    {
        var instrument = intent.Instrument;
        if (NotTradable(instrument, date, atOpen, new ReadOnlySpan<Intent>(in intent)) is { } expired)
        {
            // Options expiring today have already settled (step 2) unless P.M.-settled and closed at the open.
            return Drop(date, intent, expired);
        }
        double quantity = intent.Quantity;
        var quote = _prices.Fill(new FillRequest(instrument, day, quantity, atOpen));
        if (instrument.IsOption) _optionValuations++;
        if (!quote.Tradable || double.IsNaN(quote.Price))
        {
            return Drop(date, intent, "no tradable price");
        }
        // As in an order of several (FillCombo): an ALVH roll whose new layer is not bought (no budget in the regime, under
        // one contract) is an order of the old call alone, and sold it for 0 and its fees.
        if (LeftToExpire(instrument, quantity, quote) && _ledger.Quantity(intent.Sleeve, instrument) >= -quantity) return 0;
        double cash = _ledger.Cash(intent.Sleeve);
        double cost = quantity * quote.Price * instrument.Multiplier + quote.Fees;
        if (quantity > 0 && cost > cash)
        {
            // Buys are clipped to the sleeve's cash at the fill price (the decision used the previous close), but not a
            // buy to close a short: the short's obligation is owed whatever the cash (a broker holds its margin), and
            // clipping it left naked shorts when a condor's buy-backs filled before its long wings' sales brought in the
            // cash. Only what a buy adds beyond the short it closes is clipped.
            double held = _ledger.Quantity(intent.Sleeve, instrument);
            double closing = held < 0 ? Math.Min(quantity, -held) : 0;
            if (closing < quantity)
            {
                // A unit's cost with its fees: the fee schedules charge per contract or per share, so the clipped order
                // pays the fees of its own size (those of the whole order, taken from the cash first, left a contract
                // or a share the cash covered unbought).
                double unit = quote.Price * instrument.Multiplier + quote.Fees / quantity;
                double left = cash - closing * unit;
                // A unit at no price and no fee costs nothing (0/0 made the quantity NaN).
                double affordable = unit > 0 ? Math.Max(0, left) / unit : left >= 0 ? double.PositiveInfinity : 0;
                double opening = instrument.IsOption ? Math.Floor(affordable) : Math.Floor(affordable * 1e6) / 1e6;
                if (instrument.Kind == InstrumentKind.Equity && Math.Floor(intent.Quantity) == intent.Quantity) opening = Math.Floor(opening);
                quantity = closing + Math.Min(opening, quantity - closing);
                if (quantity <= 0)
                {
                    return Drop(date, intent, "not enough cash");
                }
                // An option order filled in part is worth a line; a DRIP buy a little smaller than decided (the open moved
                // from the close it was sized at) is the rule working, and is not listed.
                if (quantity < intent.Quantity && instrument.IsOption) Trimmed(date, intent, quantity);
                quote = _prices.Fill(new FillRequest(instrument, day, quantity, atOpen));
            }
        }
        return Book(intent, quantity, quote, day, date);
    }

    /// <summary>Books a fill: the ledger's fill and fee entries and the trade; returns its P&amp;L to today's close mark.</summary>
    private double Book(in Intent intent, double quantity, in FillQuote quote, int day, DateOnly date)
    {
        var instrument = intent.Instrument;
        int index = Index(instrument);
        double mark = MarkOf(index, day);
        _ledger.Append(date, EntryKind.Fill, intent.Sleeve, instrument, quantity, quote.Price, -quantity * quote.Price * instrument.Multiplier, intent.Reason);
        if (quote.Fees != 0) _ledger.Append(date, EntryKind.Fee, intent.Sleeve, instrument, 0, 0, -quote.Fees, "commissions and fees");
        // P&L from the fill price to today's close mark (the position is marked at the close).
        double fillToMark = quantity * (mark - quote.Price) * instrument.Multiplier;
        // Cost = fees + the half-spread paid against the mid at the fill (not the move from the open to the close mark).
        double spread = double.IsNaN(quote.Mid) ? 0 : Math.Abs(quote.Price - quote.Mid) * Math.Abs(quantity) * instrument.Multiplier;
        _trades.Add(date, intent.Sleeve, index, quantity, quote.Price, quote.Fees + spread, intent.Reason);
        return fillToMark - quote.Fees;
    }

    /// <summary>
    /// Fills the legs of one order together (<see cref="Intent.Combo"/>): none when a leg has no tradable price or
    /// expires, or when the net price of an expiry's legs lies past their payoff range at expiry (not placed); each
    /// expiry's puts and calls held within their own ranges (<see cref="ComboFill"/>); and, unless every leg closes a
    /// position, every leg scaled by one factor so that the sleeve's cash covers what the order can lose: its cost plus
    /// the worst of its payoff at expiry (a defined-risk margin; for a bought spread, its debit).
    /// </summary>
    private double FillCombo(ReadOnlySpan<Intent> legs, int day, DateOnly date, bool atOpen)
    {
        int n = legs.Length;
        Span<FillQuote> quotes = n <= 16 ? stackalloc FillQuote[n] : new FillQuote[n];
        Span<double> quantities = n <= 16 ? stackalloc double[n] : new double[n];
        Span<bool> closes = n <= 16 ? stackalloc bool[n] : new bool[n];
        bool closing = true;
        for (int i = 0; i < n; i++)
        {
            var instrument = legs[i].Instrument;
            string? why = NotTradable(instrument, date, atOpen, legs);
            if (why is null)
            {
                quotes[i] = _prices.Fill(new FillRequest(instrument, day, legs[i].Quantity, atOpen));
                if (instrument.IsOption) _optionValuations++;
                if (!quotes[i].Tradable || double.IsNaN(quotes[i].Price)) why = "no tradable price";
            }
            if (why is not null) return DropOrder(date, legs, $"{why} for {instrument.Id}");
            quantities[i] = legs[i].Quantity;
            double held = _ledger.Quantity(legs[i].Sleeve, instrument);
            // An order that only closes (every leg reduces a position held) is owed whatever the cash, as a lone buy-back.
            closes[i] = held != 0 && Math.Sign(held) != Math.Sign(quantities[i]) && Math.Abs(quantities[i]) <= Math.Abs(held);
            closing &= closes[i];
        }
        // Two legs on one instrument (a roll into the same expiry whose new short is the old long) are judged together:
        // each alone looked like a close, so a roll short of cash filled both whole and scaled the rest, leaving a short
        // call naked. Such an order is scaled as a whole, every leg counted as opening (the more cautious margin).
        if (RepeatsAnInstrument(legs))
        {
            closes.Clear();
            closing = false;
        }
        if (!closing && LeaveOutUnbidShorts(legs, quantities, quotes, closes) is >= 0 and var unbid)
        {
            LeftOutLeg(date, legs, unbid);
        }
        if (!BoundNets(legs, quantities, quotes)) return DropOrder(date, legs, Unpriceable);
        if (!closing)
        {
            // What the order needs in cash: its cost and fees, less the worst its opening legs can pay at expiry (each
            // expiry's worst, a bound below the whole's); their cost alone where a loss is unbounded (a naked short) or not
            // bounded. Legs that close positions (an ALVH roll's sale of the old spread) add no risk: their payoff cancels
            // the position's, so counting it (a 10-point spread's close as 10 points of new margin) cut rolls short, left
            // the old spread's legs closed in part and a short call naked.
            double required = 0, closingCost = 0, openSize = 0;
            for (int i = 0; i < n; i++)
            {
                // A leg left out (an unbid short, LeaveOutUnbidShorts) costs nothing: its quote's fees are for the
                // quantity it was asked at, and counted they cut a spread the cash covered.
                if (quantities[i] == 0) continue;
                double cost = quantities[i] * quotes[i].Price * legs[i].Instrument.Multiplier + quotes[i].Fees;
                required += cost;
                if (closes[i]) closingCost += cost;
                else openSize = Math.Max(openSize, Math.Abs(quantities[i]));
            }
            double worst = OpeningWorst(legs, quantities, quotes, closes);
            if (double.IsFinite(worst)) required -= worst;
            double cash = _ledger.Cash(legs[0].Sleeve);
            if (required > 0 && required > cash)
            {
                // The opening legs scaled as a whole, in whole contracts of the largest and the others in proportion (the
                // sleeves' orders have equal legs): a spread's long leg alone clipped to the cash left its short leg sold
                // in full, and a condor sized at the mids' credit could lose several times the cash at the fill's. The
                // closing legs are owed in full, as a lone buy-back.
                double openRequired = required - closingCost;
                double units = openSize > 0 && openRequired > 0 ? Math.Floor(Math.Max(0, cash - closingCost) / (openRequired / openSize)) : 0;
                double factor = openSize > 0 ? units / openSize : 0;
                bool any = false;
                for (int i = 0; i < n; i++)
                {
                    if (closes[i]) continue;
                    quantities[i] = legs[i].Instrument.IsOption ? Math.Round(quantities[i] * factor) : quantities[i] * factor;
                    any |= quantities[i] != 0;
                }
                bool closingLegs = closes.Contains(true);
                if (!any && !closingLegs) return DropOrder(date, legs, "not enough cash");
                for (int i = 0; i < n; i++)
                {
                    if (quantities[i] != 0) quotes[i] = _prices.Fill(new FillRequest(legs[i].Instrument, day, quantities[i], atOpen));
                }
                if (!BoundNets(legs, quantities, quotes)) return DropOrder(date, legs, Unpriceable);
                TrimmedOrder(date, legs, quantities, closes);
            }
        }
        double pnl = 0;
        for (int i = 0; i < n; i++)
        {
            if (quantities[i] == 0) continue; // an opening leg the cash left out of a roll
            // In an order that also buys (an ALVH roll) too: the layer leaves an expiry it ordered rolled.
            if (closes[i] && LeftToExpire(legs[i].Instrument, quantities[i], quotes[i])) continue;
            pnl += Book(legs[i], quantities[i], quotes[i], day, date);
        }
        return pnl;
    }

    /// <summary>
    /// True for the sale of an option at no price (no bid at the fill): where it closes a long position held (the caller's
    /// test), it is left to expire instead, as the sale gains nothing and pays its fees (a condor's wing marked above a tick
    /// at the decision can open with no bid; an ALVH roll sold such calls for nothing, 5 times over 1990-2026). The order's
    /// net is unchanged, and it needs no more cash.
    /// </summary>
    private static bool LeftToExpire(in Instrument instrument, double quantity, in FillQuote quote) =>
        instrument.IsOption && quantity < 0 && quote.Price <= 0;

    private const string Unpriceable = "its legs' spreads take its price past what it can pay out at expiry (a fill at the edge of that range gains nothing: a credit of 0, a debit of the whole width); not placed";

    /// <summary>
    /// False when the net price of all of an expiry's legs lies outside their payoff range at expiry: then no fill is
    /// worth making (pinned at the range's edge, a condor was sold for a credit of 1e-18 and churned weekly, a call
    /// spread bought for its whole width, a deep in-the-money spread sold for 0). Otherwise holds each expiry's puts and
    /// its calls within their own ranges (each side of a condor on its own: a 5-point put spread of a condor with a
    /// 50-point call wing was bought back for 8.82) and returns true. Legs of other kinds or multipliers than the first
    /// leg's, or without a mid, are left as quoted. (The cash an order needs reads its opening legs' payoff alone:
    /// <see cref="OpeningWorst"/>.)
    /// </summary>
    private static bool BoundNets(ReadOnlySpan<Intent> legs, ReadOnlySpan<double> quantities, Span<FillQuote> quotes)
    {
        int n = legs.Length;
        Span<int> members = n <= 16 ? stackalloc int[n] : new int[n];
        Span<OptionRight> rights = n <= 16 ? stackalloc OptionRight[n] : new OptionRight[n];
        Span<double> strikes = n <= 16 ? stackalloc double[n] : new double[n];
        Span<double> prices = n <= 16 ? stackalloc double[n] : new double[n];
        Span<double> mids = n <= 16 ? stackalloc double[n] : new double[n];
        Span<double> amounts = n <= 16 ? stackalloc double[n] : new double[n];
        for (int e = 0; e < n; e++)
        {
            if (!Boundable(legs, quotes, e) || FirstOfExpiry(legs, quotes, e) != e) continue;
            // The whole first (an order outside its range is not placed), then its puts and its calls, each within its own.
            foreach (int part in (ReadOnlySpan<int>)[2, 0, 1])
            {
                int m = 0;
                for (int i = e; i < n; i++)
                {
                    if (!Boundable(legs, quotes, i) || legs[i].Instrument.Expiry != legs[e].Instrument.Expiry) continue;
                    if (part == 0 && legs[i].Instrument.Right != OptionRight.Put || part == 1 && legs[i].Instrument.Right != OptionRight.Call) continue;
                    members[m] = i;
                    rights[m] = legs[i].Instrument.Right;
                    strikes[m] = legs[i].Instrument.Strike;
                    prices[m] = quotes[i].Price;
                    mids[m] = quotes[i].Mid;
                    amounts[m] = quantities[i];
                    m++;
                }
                if (m == 0) continue;
                var (low, high) = ComboFill.PayoffRange(rights[..m], strikes[..m], amounts[..m]);
                if (part == 2)
                {
                    double net = 0;
                    for (int k = 0; k < m; k++) net += amounts[k] * prices[k];
                    double slack = 1e-9 * Math.Max(1, Math.Max(Math.Abs(double.IsFinite(low) ? low : 0), Math.Abs(double.IsFinite(high) ? high : 0)));
                    if (net > high + slack || net < low - slack) return false;
                    continue;
                }
                if (!ComboFill.Bound(prices[..m], mids[..m], amounts[..m], low, high)) continue;
                for (int k = 0; k < m; k++) quotes[members[k]] = quotes[members[k]] with { Price = prices[k] };
            }
        }
        return true;
    }

    /// <summary>
    /// Leaves out (and returns the index of; −1 when none) an opening short option with no bid at the fill when every other opening leg of the order is bought (a
    /// call spread's far strike): sold for nothing, it capped the payoff and paid its fees for no credit, and the spread
    /// cost what its long leg alone does. Not in an order with other sales (a condor's short legs are its credit).
    /// </summary>
    private static int LeaveOutUnbidShorts(ReadOnlySpan<Intent> legs, Span<double> quantities, ReadOnlySpan<FillQuote> quotes, ReadOnlySpan<bool> closes)
    {
        int n = legs.Length, unbid = -1;
        for (int i = 0; i < n; i++)
        {
            if (closes[i] || quantities[i] >= 0) continue;
            if (unbid >= 0 || !legs[i].Instrument.IsOption || quotes[i].Price > 0) return -1; // another sale, or one with a bid
            unbid = i;
        }
        if (unbid < 0) return -1;
        for (int i = 0; i < n; i++)
        {
            if (i != unbid && !closes[i] && quantities[i] > 0) // something is bought beside it: the sale is left out
            {
                quantities[unbid] = 0;
                return unbid;
            }
        }
        return -1;
    }

    private static bool RepeatsAnInstrument(ReadOnlySpan<Intent> legs)
    {
        for (int i = 0; i < legs.Length; i++)
        {
            for (int j = i + 1; j < legs.Length; j++)
            {
                if (legs[i].Instrument.Equals(legs[j].Instrument)) return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The sum over expiries of the lowest payoff at expiry of the legs that open or add to positions (closing legs and
    /// legs of quantity 0 aside), dollars; −∞ when one is unbounded or cannot be bounded.
    /// </summary>
    private static double OpeningWorst(ReadOnlySpan<Intent> legs, ReadOnlySpan<double> quantities, ReadOnlySpan<FillQuote> quotes, ReadOnlySpan<bool> closes)
    {
        int n = legs.Length;
        Span<OptionRight> rights = n <= 16 ? stackalloc OptionRight[n] : new OptionRight[n];
        Span<double> strikes = n <= 16 ? stackalloc double[n] : new double[n];
        Span<double> amounts = n <= 16 ? stackalloc double[n] : new double[n];
        double worst = 0;
        for (int e = 0; e < n; e++)
        {
            if (closes[e] || quantities[e] == 0) continue;
            if (!Boundable(legs, quotes, e)) return double.NegativeInfinity;
            bool first = true;
            for (int i = 0; i < e && first; i++) first = closes[i] || quantities[i] == 0 || legs[i].Instrument.Expiry != legs[e].Instrument.Expiry;
            if (!first) continue;
            int m = 0;
            for (int i = e; i < n; i++)
            {
                if (closes[i] || quantities[i] == 0 || legs[i].Instrument.Expiry != legs[e].Instrument.Expiry) continue;
                if (!Boundable(legs, quotes, i)) return double.NegativeInfinity;
                rights[m] = legs[i].Instrument.Right;
                strikes[m] = legs[i].Instrument.Strike;
                amounts[m] = quantities[i];
                m++;
            }
            worst += ComboFill.PayoffRange(rights[..m], strikes[..m], amounts[..m]).Low * legs[e].Instrument.Multiplier;
        }
        return worst;
    }

    private static bool Boundable(ReadOnlySpan<Intent> legs, ReadOnlySpan<FillQuote> quotes, int i) =>
        legs[i].Instrument.IsOption && legs[i].Instrument.Kind == legs[0].Instrument.Kind
        && legs[i].Instrument.Multiplier == legs[0].Instrument.Multiplier && !double.IsNaN(quotes[i].Mid);

    private static int FirstOfExpiry(ReadOnlySpan<Intent> legs, ReadOnlySpan<FillQuote> quotes, int e)
    {
        for (int i = 0; i < e; i++)
        {
            if (Boundable(legs, quotes, i) && legs[i].Instrument.Expiry == legs[e].Instrument.Expiry) return i;
        }
        return e;
    }

    /// <summary>Records an order none of whose legs filled, and why, as one record (a line per leg listed a condor four times); its P&amp;L is 0.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private double DropOrder(DateOnly date, ReadOnlySpan<Intent> legs, string why)
    {
        _dropped.Add(new DroppedOrder(date, legs[0].Sleeve, Legs(legs), legs[^1].Reason, why, DroppedOrderKind.NotFilled));
        return 0;
    }

    /// <summary>Records a short leg with no bid left out of an order whose other legs are bought alone.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void LeftOutLeg(DateOnly date, ReadOnlySpan<Intent> legs, int unbid) =>
        _dropped.Add(new DroppedOrder(date, legs[unbid].Sleeve, Legs(legs), legs[unbid].Reason,
            $"{legs[unbid].Instrument.Id} has no bid at the fill: left out, the other legs bought alone", DroppedOrderKind.FilledInPart));

    /// <summary>Records an order scaled down for lack of cash.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void TrimmedOrder(DateOnly date, ReadOnlySpan<Intent> legs, ReadOnlySpan<double> filled, ReadOnlySpan<bool> closes)
    {
        string why;
        int open = closes.IndexOf(false);
        if (closes.Contains(true))
        {
            // A roll: its sale filled whole, its purchase in part (or not at all).
            double share = open >= 0 && legs[open].Quantity != 0 ? filled[open] / legs[open].Quantity : 0;
            why = FormattableString.Invariant($"not enough cash for all of its purchase: the legs that close filled whole, the others at {share:0.###} of their size");
        }
        else
        {
            bool equal = true;
            foreach (var leg in legs) equal &= Math.Abs(leg.Quantity) == Math.Abs(legs[0].Quantity);
            why = equal
                ? FormattableString.Invariant($"not enough cash for {Math.Abs(legs[0].Quantity):0.######} of each leg, filled {Math.Abs(filled[0]):0.######}")
                : FormattableString.Invariant($"not enough cash, every leg filled at {filled[0] / legs[0].Quantity:0.###} of its size");
        }
        _dropped.Add(new DroppedOrder(date, legs[0].Sleeve, Legs(legs), legs[^1].Reason, why, DroppedOrderKind.FilledInPart));
    }

    /// <summary>An order's legs as <c>order of N legs (qty id, qty id, …)</c>.</summary>
    private static string Legs(ReadOnlySpan<Intent> legs)
    {
        var text = new System.Text.StringBuilder(FormattableString.Invariant($"order of {legs.Length} legs ("));
        for (int i = 0; i < legs.Length; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append(FormattableString.Invariant($"{legs[i].Quantity:+0.######;-0.######} {legs[i].Instrument.Id}"));
        }
        return text.Append(')').ToString();
    }

    /// <summary>
    /// Records an intent not filled, and why (with the sleeve's reason for it, as an order of several legs is); its P&amp;L is 0. Out of line: the message's formatting, inlined
    /// into the fill path, made every fill zero a frame of about 1.4 KB of its temporaries.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private double Drop(DateOnly date, in Intent intent, string why)
    {
        _dropped.Add(new DroppedOrder(date, intent.Sleeve, intent.Instrument.Id, intent.Reason, why, DroppedOrderKind.NotFilled));
        return 0;
    }

    /// <summary>Records an option buy filled in part for lack of cash (the rest is not carried over).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void Trimmed(DateOnly date, in Intent intent, double filled) =>
        _dropped.Add(new DroppedOrder(date, intent.Sleeve, intent.Instrument.Id, intent.Reason,
            FormattableString.Invariant($"not enough cash for {intent.Quantity:0.######}, filled {filled:0.######}"), DroppedOrderKind.FilledInPart));
}
