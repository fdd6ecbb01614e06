using Alvh.Calendars;
using Alvh.MarketData;

namespace Alvh.Data.Catalog;

/// <summary>
/// Fills the per-contract VX history from the continuous file where it has no row, from its two nearest columns only:
/// VX1 and VX2 are the two nearest serial months, the settles of the first and second monthly contracts expiring after
/// the date (the file rolls on the expiration day itself: on an expiry day VX1 is already the next contract). Further
/// out VXn is the n-th contract listed, and before about 2012 not every month was (2007-05-18's VX8 is Feb-08, Jan-08
/// listed two months later; a VX8 that repeats VX7 means only seven were), so those columns name no contract by their
/// number and are not read. A VX2 equal to VX1 is such a repeat and is not read either. The per-contract files hold no contract
/// expiring before January 2008, so without this the April-December 2007 contracts were priced by the futures model
/// (1.7 points above the continuous file's settles on average over 601 contract-days, 29.11 against 22.38 for the
/// November contract on 2007-08-16). Rows the per-contract files have are kept as they are; where both have a settle
/// and they differ by more than the tolerance, the disagreement is reported (the continuous file's values match the
/// CFE settlements, so a disagreement also catches a wrong mapping of VXn to its contract).
/// </summary>
internal static class VxContinuousFill
{
    /// <summary>The continuous file's columns read: VX1 and VX2, the two nearest serial months.</summary>
    internal const int NearestColumns = 2;

    public static VxFuturesHistory Run(VxFuturesHistory? vx, VxContinuousCurve curve, int[] lines, double tolerance, List<DataIssue> issues, List<string> rules)
    {
        var rows = new List<(DateOnly Trade, DateOnly Expiry, double Settle)>(curve.Count * curve.Depth);
        var known = new Dictionary<(DateOnly, DateOnly), double>();
        if (vx is not null)
        {
            for (int i = 0; i < vx.Count; i++) known[(vx.TradeDates[i], vx.Expirations[i])] = vx.Settle[i];
        }
        int added = 0, agreed = 0, disagreed = 0;
        int depth = Math.Min(NearestColumns, curve.Depth);
        var expiries = new List<DateOnly>(depth);
        for (int i = 0; i < curve.Count; i++)
        {
            var date = curve.Dates[i];
            NextExpirations(date, depth, expiries);
            for (int k = 0; k < depth; k++)
            {
                double settle = curve.Settles[k][i];
                if (!(settle > 0)) continue;
                if (k > 0 && settle == curve.Settles[k - 1][i]) continue; // a repeat of the column before: no contract of its own
                var expiry = expiries[k];
                if (known.TryGetValue((date, expiry), out double theirs))
                {
                    if (double.IsNaN(theirs)) continue;
                    if (Math.Abs(theirs - settle) > tolerance)
                    {
                        disagreed++;
                        if (disagreed <= 20)
                        {
                            issues.Add(new DataIssue(curve.File, lines.Length > i ? lines[i] : 0, "source-disagreement",
                                FormattableString.Invariant($"{Assembler.Iso(date)} VX{k + 1} (contract {Assembler.Iso(expiry)}): settle {settle} here, {theirs} in the per-contract file; the per-contract file used")));
                        }
                    }
                    else
                    {
                        agreed++;
                    }
                    continue;
                }
                rows.Add((date, expiry, settle));
                added++;
            }
        }
        rules.Add($"vx: {added} settles of contracts the per-contract files lack taken from {curve.File} (VX1 and VX2 only: the first and second monthly contracts expiring after the date); {agreed} shared settles agree within {tolerance} points, {disagreed} do not (the per-contract files used)");
        if (added == 0 && vx is not null) return vx;

        int n = (vx?.Count ?? 0) + rows.Count;
        var order = new List<(DateOnly Trade, DateOnly Expiry, int Source)>(n);
        for (int i = 0; i < (vx?.Count ?? 0); i++) order.Add((vx!.TradeDates[i], vx.Expirations[i], i));
        for (int r = 0; r < rows.Count; r++) order.Add((rows[r].Trade, rows[r].Expiry, -1 - r));
        order.Sort((a, b) => a.Trade != b.Trade ? a.Trade.CompareTo(b.Trade) : a.Expiry.CompareTo(b.Expiry));
        var trade = new DateOnly[n];
        var exp = new DateOnly[n];
        var open = new double[n];
        var high = new double[n];
        var low = new double[n];
        var close = new double[n];
        var settles = new double[n];
        var volume = new double[n];
        var interest = new double[n];
        for (int j = 0; j < n; j++)
        {
            var (t, e, source) = order[j];
            trade[j] = t;
            exp[j] = e;
            if (source >= 0)
            {
                open[j] = vx!.Open[source];
                high[j] = vx.High[source];
                low[j] = vx.Low[source];
                close[j] = vx.ClosePrice[source];
                settles[j] = vx.Settle[source];
                volume[j] = vx.Volume[source];
                interest[j] = vx.OpenInterest[source];
            }
            else
            {
                // The continuous file has settles only: no trade prices, volume or open interest.
                open[j] = high[j] = low[j] = close[j] = volume[j] = interest[j] = double.NaN;
                settles[j] = rows[-1 - source].Settle;
            }
        }
        var file = vx is null ? curve.File : $"{vx.File}+{curve.File}";
        return new VxFuturesHistory("vx", file, trade, exp, open, high, low, close, settles, volume, interest);
    }

    /// <summary>The <paramref name="count"/> monthly VX expirations after <paramref name="date"/>, nearest first.</summary>
    internal static void NextExpirations(DateOnly date, int count, List<DateOnly> into)
    {
        // count + 1 months from the date's own: at most that month's expiry is on or before the date.
        into.Clear();
        into.AddRange(VxExpirations.MonthlyBetween(date, date.AddMonths(count)).Where(e => e > date).Take(count));
    }
}
