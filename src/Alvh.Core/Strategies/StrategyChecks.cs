namespace Alvh.Strategies;

/// <summary>Checks across keys of a strategy (ranges of single keys are checked where they are read).</summary>
public static class StrategyChecks
{
    /// <summary>
    /// Every problem, as <c>key.path: reason</c>; empty when the strategy is usable. Without <paramref name="acrossKeys"/>,
    /// only the checks of one key's own value (a list's items, a basket's weights): a grid checks each value that way
    /// before its runs, and the checks across keys (allocations summing to 1, minVix against maxVix, the condor's wings on its strike grid and its closeAtDte below
    /// targetDte, the hedge's spread width on its strike grid, an overlay's
    /// structure against its roll and sizing) per combination, as they depend on the other axes' values.
    /// </summary>
    public static IReadOnlyList<string> Validate(StrategyDefinition s, bool acrossKeys = true)
    {
        var errors = new List<string>();
        if (acrossKeys) AcrossKeys(s, errors);
        // `alvh backtest` writes to out/<name> by default: "../../escape" wrote outside out/, over files of the same names.
        if (!IsFolderName(s.Name)) errors.Add($"name: '{s.Name}' cannot name a folder (the backtest's default output is out/<name>): no / \\ : * ? \" < > |, not . or .., not ending in a dot or a space");
        if (s.Alvh is { } a)
        {
            if (a.LayerTenors.Count == 0) errors.Add("alvh.layerTenors: at least one layer");
            if (a.LayerTenors.Distinct().Count() != a.LayerTenors.Count) errors.Add("alvh.layerTenors: tenors must differ");
        }
        if (s.Drip is { } held)
        {
            // An empty or spaced symbol validated, and the backtest then looked for "-daily.csv" ("drip.symbol : ... has no prices").
            if (!IsTicker(held.Symbol)) errors.Add($"drip.symbol: '{held.Symbol}' is not a ticker");
            if (held.FallbackSymbol is { } fallback && !IsTicker(fallback)) errors.Add($"drip.fallbackSymbol: '{fallback}' is not a ticker (null for none)");
            // A fallback equal to the symbol switched "from SPX to SPX" every day, at two half-spreads, and the sales ran
            // the shares below 0 (drip.symbol SPX, fallbackSymbol SPX, 2019-10-02: -2.02 units).
            else if (held.FallbackSymbol is { } same && held.Basket.Count == 0 && string.Equals(same, held.Symbol, StringComparison.OrdinalIgnoreCase)) errors.Add($"drip.fallbackSymbol: '{same}' is the symbol itself (null for none)");
        }
        if (s.Drip is { Basket.Count: > 0 } d)
        {
            double weights = d.Basket.Values.Sum();
            if (Math.Abs(weights - 1) > 1e-9) errors.Add(FormattableString.Invariant($"drip.basket: weights must sum to 1, got {weights:0.##########}"));
            foreach (var ticker in d.Basket.Keys.Where(k => !IsTicker(k))) errors.Add($"drip.basket: '{ticker}' is not a ticker");
            // The sleeve upper-cases its tickers (as the data's files are found in any case): {SPY: 0.5, spy: 0.5} validated,
            // and the backtest failed with "An item with the same key has already been added", naming no file, line or key.
            foreach (var twice in d.Basket.Keys.GroupBy(k => k.ToUpperInvariant(), StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                errors.Add($"drip.basket: {string.Join(" and ", twice.Select(k => $"'{k}'"))} are one ticker (tickers ignore case); give it once");
            }
        }
        if (s.Overlay is { } o)
        {
            var r = o.Rules;
            for (int i = 1; i < r.FutureBuckets.Count; i++)
            {
                if (r.FutureBuckets[i] <= r.FutureBuckets[i - 1]) errors.Add("overlay.rules.futureBuckets: bounds must increase");
            }
        }
        return errors;
    }

    /// <summary>
    /// Setups that are valid but rarely what is meant, as notes (<c>key.path: what happens</c>) that <c>validate</c> and
    /// <c>backtest</c> print beside their result; a run is not refused for them (a researcher may mean them). Until
    /// 2026-11-28 they ran without a word: a hedge layer's roll window at or past its tenor, which leaves the layer empty
    /// much of the time (no expiry inside the window is bought, and the expiry nearest the tenor often is inside); the
    /// index held under short puts or a condor, twice the index's downside where Cboe's buy-write covers calls; calls sold
    /// over T-bills, which nothing covers (a seeded fuzz of the strategy files, review h105).
    /// </summary>
    public static IReadOnlyList<string> Notes(StrategyDefinition s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var notes = new List<string>();
        if (s.Alvh is { LayerTenors.Count: > 0 } a)
        {
            int roll = a.Rules.RollDays;
            var within = a.LayerTenors.Where(t => roll >= t).Order().ToList();
            if (within.Count > 0)
            {
                notes.Add(FormattableString.Invariant($"alvh.rules.rollDays: {roll} is not below the {string.Join(" and ", within.Select(t => $"{t}-day"))} layer{(within.Count > 1 ? "s'" : "'s")} tenor: no expiry inside the roll window is bought, so {(within.Count > 1 ? "those layers buy" : "that layer buys")} only expiries more than {roll} days out (the monthly expiry nearest the tenor often is not) and {(within.Count > 1 ? "sell them" : "sells them")} within days; {(within.Count > 1 ? "they are" : "it is")} left empty much of the time"));
            }
        }
        if (s.Overlay is { } o)
        {
            var r = o.Rules;
            if (r.Sizing == Sleeves.OverlaySizing.CoveredIndex && r.Structure is Sleeves.OverlayStructure.ShortPut or Sleeves.OverlayStructure.ShortIronCondor)
            {
                notes.Add(r.Structure == Sleeves.OverlayStructure.ShortPut
                    ? "overlay.rules.sizing: CoveredIndex holds the index under the short puts: they add to its downside (about twice the index's below the strike), where a buy-write's calls are covered by it; CashCollateral holds T-bills under them, as Cboe's PUT does"
                    : "overlay.rules.sizing: CoveredIndex holds the index under the short condor: its put spread adds to the index's downside down to the long put, where a buy-write's calls are covered by it; CashCollateral holds T-bills under it, as Cboe's CNDR does");
            }
            if (r.Sizing == Sleeves.OverlaySizing.CashCollateral && r.Structure == Sleeves.OverlayStructure.ShortCall)
            {
                notes.Add("overlay.rules.sizing: CashCollateral holds T-bills under the short calls: nothing covers them (naked calls, a loss without bound in a rally); CoveredIndex holds the index under them, as Cboe's BXM does");
            }
        }
        return notes;
    }

    /// <summary>
    /// The keys a check across keys reads, by the key path its error names (<c>allocations</c>, <c>condor.rules.minVix</c>, …);
    /// empty for a check no key's value can mend (the DRIP the condor needs) and for a path that names no such check. A
    /// strategy of no sleeve is mended by a cashAllocation above 0 (a cash-only baseline swept over it). A sweep whose
    /// grid sets one of them leaves that check to each run: a base file of drip 0.9 and condor 0.1 swept over drip 0.8 and
    /// 0.9 and condor 0.1 and 0.2 holds combinations that sum to 1, and was refused whole because the base did not.
    /// </summary>
    public static IReadOnlyList<string> KeysRead(string check) => CheckKeys.TryGetValue(check, out var keys) ? keys : [];

    private static readonly Dictionary<string, string[]> CheckKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["allocations"] = ["drip.allocation", "condor.allocation", "alvh.allocation", "overlay.allocation", "cashAllocation"],
        ["(root)"] = ["cashAllocation"],
        ["condor.rules.minVix"] = ["condor.rules.minVix", "condor.rules.maxVix"],
        ["condor.rules.putWing"] = ["condor.rules.putWing", "condor.rules.strikeGrid"],
        ["condor.rules.callWing"] = ["condor.rules.callWing", "condor.rules.strikeGrid"],
        ["condor.rules.closeAtDte"] = ["condor.rules.closeAtDte", "condor.rules.targetDte"],
        ["alvh.rules.spreadWidth"] = ["alvh.rules.spreadWidth", "alvh.rules.strikeGrid"],
        ["overlay.rules.premiumWeights"] = ["overlay.rules.premiumWeights", "overlay.rules.futureBuckets"],
        ["overlay.rules.roll"] = ["overlay.rules.roll", "overlay.rules.structure"],
        ["overlay.rules.sizing"] = ["overlay.rules.sizing", "overlay.rules.structure"],
        ["overlay.rules.wingDelta"] = ["overlay.rules.wingDelta", "overlay.rules.shortDelta", "overlay.rules.structure"],
        ["overlay.rules.indexSymbol"] = ["overlay.rules.indexSymbol", "overlay.rules.sizing"],
    };

    /// <summary>
    /// Whether a name is one folder's name on every system (the characters Windows refuses, none of Linux's '/'). An empty
    /// name is left to the file's: <c>StrategyFile.Load</c> names such a strategy after its file. A name ending in a dot or
    /// a space names no folder on Windows.
    /// </summary>
    private static bool IsFolderName(string? name) =>
        string.IsNullOrEmpty(name) || (!string.IsNullOrWhiteSpace(name) && name is not ("." or "..") && !name.EndsWith('.') && !name.EndsWith(' ')
            && name.IndexOfAny(['/', '\\', ':', '*', '?', '"', '<', '>', '|']) < 0 && !name.Any(char.IsControl));

    private static bool IsTicker(string text) => !string.IsNullOrWhiteSpace(text) && !text.Any(char.IsWhiteSpace);

    /// <summary>The checks that read more than one key.</summary>
    private static void AcrossKeys(StrategyDefinition s, List<string> errors)
    {
        double total = (s.Drip?.Allocation ?? 0) + (s.Condor?.Allocation ?? 0) + (s.Alvh?.Allocation ?? 0) + (s.Overlay?.Allocation ?? 0) + s.CashAllocation;
        if (Math.Abs(total - 1) > 1e-9)
        {
            errors.Add(FormattableString.Invariant($"allocations: drip + condor + alvh + overlay + cashAllocation must sum to 1, got {total:0.##########}"));
        }
        if (s.Drip is null && s.Condor is null && s.Alvh is null && s.Overlay is null && s.CashAllocation == 0) errors.Add("(root): the strategy has no sleeve");
        if ((s.Condor is not null || s.Alvh is not null) && s.Drip is null) errors.Add("drip: the condor and hedge reserves are funded by the DRIP sleeve; add one");
        if (s.Condor is { } c)
        {
            if (c.Rules.MinVix > c.Rules.MaxVix) errors.Add("condor.rules.minVix: must not exceed maxVix");
            // A wing off the strike grid builds no condor (IronCondor refuses its long strike every day), and the backtest
            // ran with the sleeve idle, saying only that it made no trade.
            var grid = new Structures.StrikeGrid(c.Rules.StrikeGrid);
            if (!grid.Contains(c.Rules.PutWing)) errors.Add(FormattableString.Invariant($"condor.rules.putWing: {c.Rules.PutWing} is not a multiple of strikeGrid {c.Rules.StrikeGrid} (its long put would not be listed)"));
            if (!grid.Contains(c.Rules.CallWing)) errors.Add(FormattableString.Invariant($"condor.rules.callWing: {c.Rules.CallWing} is not a multiple of strikeGrid {c.Rules.StrikeGrid} (its long call would not be listed)"));
            // Closed at or soon after the first decision it is held (a helper's closeAtDte 60 against targetDte 8 validated, and every condor was bought and sold back at once).
            if (c.Rules.CloseAtDte > 0 && c.Rules.CloseAtDte >= c.Rules.TargetDte) errors.Add(FormattableString.Invariant($"condor.rules.closeAtDte: {c.Rules.CloseAtDte} is not below targetDte {c.Rules.TargetDte} (condors open about targetDte days from expiry: each would be closed at or soon after its first decision held)"));
        }
        // A call spread's short leg off the VIX strike grid (spreadWidth 0.5 on a 1-point grid) was bought at an unlisted strike.
        if (s.Alvh is { Rules.SpreadWidth: > 0 } spread && !new Structures.StrikeGrid(spread.Rules.StrikeGrid).Contains(spread.Rules.SpreadWidth))
        {
            errors.Add(FormattableString.Invariant($"alvh.rules.spreadWidth: {spread.Rules.SpreadWidth} is not a multiple of strikeGrid {spread.Rules.StrikeGrid} (its short call would not be listed)"));
        }
        if (s.Overlay is { } o)
        {
            var r = o.Rules;
            if (r.PremiumWeights.Count != r.FutureBuckets.Count + 1) errors.Add("overlay.rules.premiumWeights: give one more weight than futureBuckets bounds");
            if (r.Structure == Sleeves.OverlayStructure.LongVixCall != (r.Roll == Sleeves.OverlayRoll.VixMonthly)) errors.Add("overlay.rules.roll: VIX calls roll on VixMonthly and SPX options on SpxMonthly or SpxWeekly");
            if (r.Structure == Sleeves.OverlayStructure.LongVixCall && r.Sizing != Sleeves.OverlaySizing.PremiumWeight) errors.Add("overlay.rules.sizing: long VIX calls are sized by PremiumWeight");
            if (r.Structure != Sleeves.OverlayStructure.LongVixCall && r.Sizing == Sleeves.OverlaySizing.PremiumWeight) errors.Add("overlay.rules.sizing: PremiumWeight buys VIX calls (structure LongVixCall)");
            if (r.Structure == Sleeves.OverlayStructure.ShortIronCondor && r.ShortDelta > 0 && r.WingDelta >= r.ShortDelta) errors.Add("overlay.rules.wingDelta: must be below shortDelta (wings further out of the money)");
            if (r.Sizing != Sleeves.OverlaySizing.CashCollateral && string.IsNullOrWhiteSpace(r.IndexSymbol)) errors.Add("overlay.rules.indexSymbol: the index held with the options");
        }
    }
}
