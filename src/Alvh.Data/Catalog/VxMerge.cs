using Alvh.MarketData;

namespace Alvh.Data.Catalog;

/// <summary>
/// Merges the old CFE per-contract file with the Cboe CDN file into one VX history. Rule: for a
/// contract and day present in both, the Cboe CDN settle is used; where it is missing (0 in the
/// source, 2013-01..07) the CFE settle fills it; where both exist and differ by more than the
/// tolerance the disagreement is reported. Rows present in one file only are taken as they are.
/// </summary>
internal sealed class VxMerge(VxFuturesHistory cfe, int[] cfeLines, VxFuturesHistory cboe, double tolerance, List<DataIssue> cfeIssues, List<string> rules)
{
    public VxFuturesHistory Run()
    {
        int n = cfe.Count + cboe.Count;
        var trade = new List<DateOnly>(n);
        var exp = new List<DateOnly>(n);
        var cols = Enumerable.Range(0, 7).Select(_ => new List<double>(n)).ToArray();
        int i = 0, j = 0, filled = 0, disagreements = 0, overlap = 0;
        while (i < cfe.Count || j < cboe.Count)
        {
            int cmp = i >= cfe.Count ? 1 : j >= cboe.Count ? -1 : Compare(cfe, i, cboe, j);
            if (cmp < 0) { Take(cfe, i++, double.NaN); continue; }
            if (cmp > 0) { Take(cboe, j++, double.NaN); continue; }
            overlap++;
            double a = cfe.Settle[i], b = cboe.Settle[j];
            double settle = b;
            if (double.IsNaN(b) && !double.IsNaN(a)) { settle = a; filled++; }
            else if (!double.IsNaN(a) && !double.IsNaN(b) && Math.Abs(a - b) > tolerance)
            {
                disagreements++;
                cfeIssues.Add(new DataIssue(cfe.File, cfeLines.Length > i ? cfeLines[i] : 0, "source-disagreement",
                    FormattableString.Invariant($"{Assembler.Iso(cfe.TradeDates[i])} contract {Assembler.Iso(cfe.Expirations[i])}: settle {a} here, {b} in {cboe.File}; {cboe.File} used")));
            }
            Take(cboe, j, settle);
            i++;
            j++;
        }
        rules.Add($"vx: {cfe.File} and {cboe.File} merged by contract and day ({overlap} overlapping rows): {cboe.File} preferred; {filled} missing settles filled from {cfe.File}; {disagreements} disagreements beyond {tolerance} points reported");
        return new VxFuturesHistory("vx", $"{cfe.File}+{cboe.File}", trade.ToArray(), exp.ToArray(),
            cols[0].ToArray(), cols[1].ToArray(), cols[2].ToArray(), cols[3].ToArray(), cols[4].ToArray(), cols[5].ToArray(), cols[6].ToArray());

        void Take(VxFuturesHistory h, int k, double settleOverride)
        {
            trade.Add(h.TradeDates[k]);
            exp.Add(h.Expirations[k]);
            cols[0].Add(h.Open[k]);
            cols[1].Add(h.High[k]);
            cols[2].Add(h.Low[k]);
            cols[3].Add(h.ClosePrice[k]);
            cols[4].Add(double.IsNaN(settleOverride) ? h.Settle[k] : settleOverride);
            cols[5].Add(h.Volume[k]);
            cols[6].Add(h.OpenInterest[k]);
        }
    }

    private static int Compare(VxFuturesHistory a, int i, VxFuturesHistory b, int j)
    {
        int c = a.TradeDates[i].CompareTo(b.TradeDates[j]);
        return c != 0 ? c : a.Expirations[i].CompareTo(b.Expirations[j]);
    }
}
