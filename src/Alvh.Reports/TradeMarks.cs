using Alvh.Engine;
using Alvh.Ledger;

namespace Alvh.Reports;

/// <summary>What the charts mark from a run's trades and ledger: ALVH layer additions and monetisations, and each condor's P&amp;L.</summary>
internal static class TradeMarks
{
    /// <summary>Sleeve-name prefix of the ALVH layers (<c>alvh-30</c>, <c>alvh-60</c>, <c>alvh-90</c>).</summary>
    public const string AlvhPrefix = "alvh-";

    /// <summary>Name of the iron-condor sleeve.</summary>
    public const string CondorSleeve = "condor";

    /// <summary>
    /// Days the ALVH added protection (reasons "establish layer", "roll: new layer", "tranche: ...") and
    /// days it monetised (reasons "monetise..."), each day once, in date order.
    /// </summary>
    public static (DateOnly[] Additions, DateOnly[] Monetisations) LayerEvents(BacktestResult result)
    {
        var additions = new SortedSet<DateOnly>();
        var monetisations = new SortedSet<DateOnly>();
        foreach (var t in result.Trades)
        {
            if (!t.Sleeve.StartsWith(AlvhPrefix, StringComparison.Ordinal)) continue;
            if (t.Reason.StartsWith("monetise", StringComparison.Ordinal)) monetisations.Add(t.Date);
            else if (IsAddition(t.Reason)) additions.Add(t.Date);
        }
        return ([.. additions], [.. monetisations]);
    }

    /// <summary>True for the ALVH reasons that add a layer or a tranche.</summary>
    public static bool IsAddition(string reason) =>
        reason.StartsWith("establish layer", StringComparison.Ordinal)
        || reason.StartsWith("roll: new layer", StringComparison.Ordinal)
        || reason.StartsWith("tranche", StringComparison.Ordinal);

    /// <summary>
    /// The P&amp;L of each condor, dollars: the condor sleeve's option fills, fees and settlements grouped by
    /// expiry (one condor per weekly expiry), in expiry order; condors still open at the run's end are left out.
    /// </summary>
    public static double[] CondorPnl(BacktestResult result)
    {
        var pnl = new SortedDictionary<DateOnly, double>();
        var positions = new Dictionary<Instrument, double>();
        foreach (var e in result.Ledger.Entries)
        {
            if (e.Sleeve != CondorSleeve || !e.Instrument.IsOption) continue;
            if (e.Kind is not (EntryKind.Fill or EntryKind.Fee or EntryKind.Settlement)) continue;
            pnl[e.Instrument.Expiry] = pnl.GetValueOrDefault(e.Instrument.Expiry) + e.Cash;
            if (e.MovesPosition) positions[e.Instrument] = positions.GetValueOrDefault(e.Instrument) + e.Quantity;
        }
        var stillOpen = positions.Where(p => Math.Abs(p.Value) > 1e-9).Select(p => p.Key.Expiry).ToHashSet();
        return [.. pnl.Where(p => !stillOpen.Contains(p.Key)).Select(p => p.Value)];
    }
}
