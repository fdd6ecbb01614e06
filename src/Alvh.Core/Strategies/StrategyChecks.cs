namespace Alvh.Strategies;

/// <summary>Checks across keys of a strategy (ranges of single keys are checked where they are read).</summary>
public static class StrategyChecks
{
    /// <summary>Every problem, as <c>key.path: reason</c>; empty when the strategy is usable.</summary>
    public static IReadOnlyList<string> Validate(StrategyDefinition s)
    {
        var errors = new List<string>();
        double total = (s.Drip?.Allocation ?? 0) + (s.Condor?.Allocation ?? 0) + (s.Alvh?.Allocation ?? 0) + s.CashAllocation;
        if (Math.Abs(total - 1) > 1e-9)
        {
            errors.Add(FormattableString.Invariant($"allocations: drip + condor + alvh + cashAllocation must sum to 1, got {total}"));
        }
        if (s.Drip is null && s.Condor is null && s.Alvh is null && s.CashAllocation == 0) errors.Add("(root): the strategy has no sleeve");
        if ((s.Condor is not null || s.Alvh is not null) && s.Drip is null) errors.Add("drip: the condor and hedge reserves are funded by the DRIP sleeve; add one");
        if (s.Condor is { } c && c.Rules.MinVix > c.Rules.MaxVix) errors.Add("condor.rules.minVix: must not exceed maxVix");
        if (s.Alvh is { } a)
        {
            if (a.LayerTenors.Count == 0) errors.Add("alvh.layerTenors: at least one layer");
            if (a.LayerTenors.Distinct().Count() != a.LayerTenors.Count) errors.Add("alvh.layerTenors: tenors must differ");
        }
        return errors;
    }
}
