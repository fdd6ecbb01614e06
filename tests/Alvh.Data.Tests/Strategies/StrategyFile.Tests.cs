using Alvh.Data.Strategies;
using Alvh.Engine;
using Alvh.Regimes;
using Alvh.Strategies;

namespace Alvh.Data.Tests.Strategies;

public class StrategyFileTests
{
    [Theory]
    [InlineData("drip")]
    [InlineData("drip-condor")]
    [InlineData("drip-alvh")]
    [InlineData("drip-condor-alvh")]
    [InlineData("cboe-put")]
    [InlineData("cboe-wput")]
    [InlineData("cboe-bxm")]
    [InlineData("cboe-cndr")]
    [InlineData("cboe-vxth")]
    public void Every_preset_round_trips_through_its_annotated_yaml(string name)
    {
        var preset = Presets.Find(name)!;
        var yaml = StrategyWriter.Write(preset);
        var back = StrategyFile.Parse(yaml, "x.yaml");
        StrategyWriter.Write(back).Should().Be(yaml);
        back.Name.Should().Be(name);
        (back.Condor is null).Should().Be(preset.Condor is null);
        back.Alvh?.LayerTenors.Should().Equal(preset.Alvh!.LayerTenors);
        back.Overlay?.Rules.Should().BeEquivalentTo(preset.Overlay!.Rules);
        back.Capital.Should().Be(preset.Capital);
    }

    /// <summary>
    /// The annotated file names each key's default, the value it takes when omitted (README: "every parameter, its
    /// default, unit and range"): a preset's values are not all the defaults, and cboe-cndr's file showed capital
    /// 100000000 and shortDelta 0.2 while omitting them gives 1,000,000 and 0 (at the money).
    /// </summary>
    [Fact]
    public void The_annotated_file_names_each_default()
    {
        var yaml = StrategyWriter.Write(Presets.Find("cboe-cndr")!);
        yaml.Should().Contain("# initial capital (dollars; 1000..1000000000000; default 1000000)\ncapital: 100000000\n");
        yaml.Should().Contain("(delta; 0..0.5; default 0)\n    shortDelta: 0.2\n");
        var full = StrategyWriter.Write(Presets.Find("drip-condor-alvh")!);
        full.Should().Contain("(calendar days; 7..400; default [30, 60, 90])\n  layerTenors: [30, 60, 90]\n");
        full.Should().Contain("(default SPX)\n  fallbackSymbol: SPX\n");
        var omitted = StrategyFile.Parse("overlay:\n  allocation: 1\n", "o.yaml");
        omitted.Capital.Should().Be(1_000_000);
        omitted.Overlay!.Rules.ShortDelta.Should().Be(0);
    }

    /// <summary>
    /// Keys ignore case, so YAML's duplicate check does not see `Capital:` after `capital:`; the later one won in silence
    /// (the file ran with capital 5000), and a second `DRIP:` section replaced the first.
    /// </summary>
    [Theory]
    [InlineData("capital: 1000000\nCapital: 5000\ndrip: {allocation: 1}\n", 2, "Capital: the key is given twice (first at line 1")]
    [InlineData("drip:\n  allocation: 1\n  Allocation: 0.5\ncashAllocation: 0.5\n", 3, "drip.Allocation: the key is given twice (first at line 2")]
    [InlineData("drip:\n  allocation: 1\nDRIP:\n  allocation: 0.2\n", 3, "DRIP: the key is given twice (first at line 1")]
    public void A_key_given_twice_in_another_case_is_refused_with_both_lines(string yaml, int line, string message)
    {
        var parse = () => StrategyFile.Parse(yaml, "d.yaml");
        parse.Should().Throw<StrategyFileException>().Which.Errors.Should().Contain(e => e.StartsWith($"line {line}: {message}", StringComparison.Ordinal));
    }

    /// <summary>
    /// A condor wing off the strike grid (50 on a 20-point grid, 7 on 5) validated, and the backtest's condor never traded:
    /// IronCondor refuses a long strike that is not listed, every day, and the run said only that the sleeve made no trade.
    /// </summary>
    [Theory]
    [InlineData("    putWing: 50\n    strikeGrid: 20\n", "line 7: condor.rules.putWing: 50 is not a multiple of strikeGrid 20")]
    [InlineData("    callWing: 7\n", "line 7: condor.rules.callWing: 7 is not a multiple of strikeGrid 5")]
    public void A_condor_wing_off_the_strike_grid_is_refused_with_its_line(string rules, string message)
    {
        var yaml = "drip:\n  allocation: 0.9\ncondor:\n  allocation: 0.1\n  rules:\n    shortDelta: 0.16\n" + rules;
        var parse = () => StrategyFile.Parse(yaml, "w.yaml");
        parse.Should().Throw<StrategyFileException>().Which.Errors.Should().Contain(e => e.StartsWith(message, StringComparison.Ordinal));
        // The same file with the wing on its grid (50 on a grid of 10; 10 on the default 5) is read, wings as written.
        var accepted = StrategyFile.Parse(yaml.Replace("strikeGrid: 20\n", "strikeGrid: 10\n", StringComparison.Ordinal).Replace(": 7\n", ": 10\n", StringComparison.Ordinal), "w.yaml").Condor;
        accepted.Should().NotBeNull();
        (accepted!.Rules.StrikeGrid, rules.Contains("putWing") ? accepted.Rules.PutWing : accepted.Rules.CallWing)
            .Should().Be(rules.Contains("putWing") ? (10.0, 50.0) : (5.0, 10.0));
    }

    /// <summary>
    /// A condor closed at a DTE not below its target DTE validated, and every condor was closed on the first decision after
    /// it opened (a helper's closeAtDte 60 against targetDte 8: opened 2015-01-09, "close at 60 DTE" 2015-01-12).
    /// </summary>
    [Theory]
    [InlineData("    closeAtDte: 60\n", "line 7: condor.rules.closeAtDte: 60 is not below targetDte 8")]
    [InlineData("    closeAtDte: 8\n", "line 7: condor.rules.closeAtDte: 8 is not below targetDte 8")]
    public void A_condor_closed_at_or_beyond_its_target_dte_is_refused_with_its_line(string rules, string message)
    {
        var yaml = "drip:\n  allocation: 0.9\ncondor:\n  allocation: 0.1\n  rules:\n    shortDelta: 0.16\n" + rules;
        var parse = () => StrategyFile.Parse(yaml, "w.yaml");
        parse.Should().Throw<StrategyFileException>().Which.Errors.Should().Contain(e => e.StartsWith(message, StringComparison.Ordinal));
        StrategyFile.Parse(yaml.Replace(rules, "    closeAtDte: 7\n", StringComparison.Ordinal), "w.yaml").Condor!.Rules.CloseAtDte.Should().Be(7);
    }

    /// <summary>A hedge call spread of 0.5 points on a 1-point VIX grid validated, and bought its short call at an unlisted strike (20.5).</summary>
    [Fact]
    public void A_hedge_spread_width_off_the_strike_grid_is_refused_with_its_line()
    {
        var yaml = "drip:\n  allocation: 0.9\nalvh:\n  allocation: 0.1\n  rules:\n    spreadWidth: 0.5\n";
        var parse = () => StrategyFile.Parse(yaml, "w.yaml");
        parse.Should().Throw<StrategyFileException>().Which.Errors.Should().ContainSingle(e => e.StartsWith("line 6: alvh.rules.spreadWidth: 0.5 is not a multiple of strikeGrid 1", StringComparison.Ordinal));
        StrategyFile.Parse(yaml + "    strikeGrid: 0.5\n", "w.yaml").Alvh!.Rules.SpreadWidth.Should().Be(0.5);
    }

    /// <summary>
    /// An empty or spaced drip symbol validated; the backtest then looked for "-daily.csv" and said
    /// "drip.symbol : ... has no prices for it", with no line.
    /// </summary>
    [Theory]
    [InlineData("drip:\n  allocation: 1\n  symbol: ''\n", "line 3: drip.symbol: '' is not a ticker")]
    [InlineData("drip:\n  allocation: 1\n  symbol: SP Y\n", "line 3: drip.symbol: 'SP Y' is not a ticker")]
    [InlineData("drip:\n  allocation: 1\n  fallbackSymbol: ' '\n", "line 3: drip.fallbackSymbol: ' ' is not a ticker")]
    [InlineData("drip:\n  allocation: 1\n  symbol: SPX\n  fallbackSymbol: spx\n", "line 4: drip.fallbackSymbol: 'spx' is the symbol itself")]
    public void A_drip_symbol_that_is_no_ticker_is_refused_with_its_line(string yaml, string message)
    {
        var parse = () => StrategyFile.Parse(yaml, "s.yaml");
        parse.Should().Throw<StrategyFileException>().Which.Errors.Should().Contain(e => e.StartsWith(message, StringComparison.Ordinal));
        StrategyFile.Parse("drip:\n  allocation: 1\n  symbol: QQQ\n  fallbackSymbol: null\n", "s.yaml").Drip!.FallbackSymbol.Should().BeNull();
    }

    /// <summary>
    /// A strategy without a name key is named after its file, and that name is checked as a name key is: ".yaml" and
    /// "..yaml" gave "" and ".", so the backtest wrote to out/ itself, and "...yaml" ("..") to the current folder.
    /// </summary>
    [Theory]
    [InlineData(".yaml", "name: the file's name gives the strategy none (the strategy is named after its file: give it a name key)")]
    [InlineData("..yaml", "name: '.' cannot name a folder")]
    [InlineData("...yaml", "name: '..' cannot name a folder")]
    public void A_file_name_that_names_no_folder_is_refused_when_it_names_the_strategy(string file, string error)
    {
        using var d = new Alvh.Tests.Support.TempFolder();
        var path = d.Write(file, "drip:\n  allocation: 1\n");

        var act = () => StrategyFile.Load(path);

        act.Should().Throw<StrategyFileException>().Which.Errors.Should().ContainSingle().Which.Should().StartWith(error);
        d.Write("named" + file, "name: mine\ndrip:\n  allocation: 1\n");
        StrategyFile.Load(Path.Combine(d.Path, "named" + file)).Name.Should().Be("mine");
        StrategyFile.Load(d.Write("plain.yaml", "drip:\n  allocation: 1\n")).Name.Should().Be("plain");
    }

    [Fact]
    public void A_regime_named_twice_in_two_cases_is_refused_with_its_line()
    {
        // Enum keys ignore case, so YAML's duplicate check (on the text) missed it and Calm: 1 replaced calm: 2 without a word.
        var act = () => StrategyFile.Parse("drip:\n  allocation: 0.97\nalvh:\n  allocation: 0.03\n  rules:\n    regimeMultiplier:\n      calm: 2\n      Calm: 1\n", "s.yaml");
        act.Should().Throw<StrategyFileException>().Which.Errors.Should().ContainSingle()
            .Which.Should().Be("line 8: alvh.rules.regimeMultiplier.Calm: the key is given twice (first at line 7; keys ignore case)");
    }

    [Fact]
    public void A_basket_ticker_given_twice_in_two_cases_is_refused_with_its_line()
    {
        // The sleeve upper-cases tickers, so this basket validated and the backtest failed with "An item with the same key
        // has already been added. Key: SPY" (no file, line or key).
        var act = () => StrategyFile.Parse("name: x\ndrip:\n  basket: {SPY: 0.5, spy: 0.5}\n", "s.yaml");
        act.Should().Throw<StrategyFileException>().Which.Errors.Should().ContainSingle()
            .Which.Should().Be("line 3: drip.basket: 'SPY' and 'spy' are one ticker (tickers ignore case); give it once");
    }

    [Fact]
    public void A_drip_basket_binds_with_its_weights_and_rebalance_rule()
    {
        var s = StrategyFile.Parse("drip:\n  basket: {SPY: 0.6, XYZ: 0.4}\n  rebalance: monthly\n", "b.yaml");
        s.Drip!.Basket.Should().Equal(new Dictionary<string, double> { ["SPY"] = 0.6, ["XYZ"] = 0.4 });
        s.Drip.Rebalance.Should().Be(Alvh.Sleeves.BasketRebalance.Monthly);
        var back = StrategyFile.Parse(StrategyWriter.Write(s), "b.yaml");
        back.Drip!.Basket.Should().Equal(s.Drip.Basket);
        var bad = () => StrategyFile.Parse("drip:\n  basket: {SPY: 0.6, XYZ: 0.6}\n", "b.yaml");
        bad.Should().Throw<StrategyFileException>().Which.Errors.Should().Contain(e => e.StartsWith("line 2: drip.basket: weights must sum to 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Overlay_rules_are_checked_across_keys()
    {
        var yaml = "overlay:\n  rules:\n    structure: LongVixCall\n    premiumWeights: [0, 0.01]\n";
        var e = ((Action)(() => StrategyFile.Parse(yaml, "o.yaml"))).Should().Throw<StrategyFileException>().Which;
        // A key the file sets is named with its line; one left at its default (roll, sizing) has none to give.
        e.Errors.Should().Contain("line 4: overlay.rules.premiumWeights: give one more weight than futureBuckets bounds");
        e.Errors.Should().Contain(x => x.StartsWith("overlay.rules.roll:", StringComparison.Ordinal));
        e.Errors.Should().Contain("overlay.rules.sizing: long VIX calls are sized by PremiumWeight");
    }

    [Fact]
    public void A_check_across_keys_names_the_line_of_the_key_it_names()
    {
        var yaml = "drip: {allocation: 0.9}\ncondor:\n  allocation: 0.1\n  rules:\n    maxVix: 20\n    minVix: 30\n";
        var e = ((Action)(() => StrategyFile.Parse(yaml, "x.yaml"))).Should().Throw<StrategyFileException>().Which;
        e.Errors.Should().Equal("line 6: condor.rules.minVix: must not exceed maxVix");
        var sum = ((Action)(() => StrategyFile.Parse("drip: {allocation: 0.8}\n", "x.yaml"))).Should().Throw<StrategyFileException>().Which;
        sum.Errors.Should().ContainSingle().Which.Should().StartWith("allocations: drip + condor", "no key is called allocations");
    }

    /// <summary>
    /// A sweep's base file is read with the checks across keys that read a key its grid sets left to each run, which
    /// checks them with its values: a base of drip 0.8 and condor 0.1 swept over the DRIP allocation was refused whole,
    /// though the grid's drip 0.9 sums to 1. A check that reads no swept key still refuses the file, with its line.
    /// </summary>
    [Fact]
    public void A_check_across_keys_that_reads_a_swept_key_is_left_to_the_runs()
    {
        using var d = new Alvh.Tests.Support.TempFolder();
        var path = d.Write("base.yaml", "drip: {allocation: 0.8}\ncondor:\n  allocation: 0.1\n  rules:\n    maxVix: 20\n    minVix: 30\n");

        var unrelated = ((Action)(() => StrategyFile.Load(path, ["capital"]))).Should().Throw<StrategyFileException>().Which;
        var allocation = ((Action)(() => StrategyFile.Load(path, ["drip.allocation"]))).Should().Throw<StrategyFileException>().Which;
        // Keys are matched ignoring case, as the binder and the grid match them.
        var both = StrategyFile.Load(path, ["DRIP.Allocation", "condor.rules.maxVix"]);

        unrelated.Errors.Should().HaveCount(2).And.Contain("line 6: condor.rules.minVix: must not exceed maxVix")
            .And.Contain(e => e.StartsWith("allocations: ", StringComparison.Ordinal));
        allocation.Errors.Should().Equal("line 6: condor.rules.minVix: must not exceed maxVix");
        both.Drip!.Allocation.Should().Be(0.8);
        both.Condor!.Rules.MinVix.Should().Be(30);
        StrategyChecks.KeysRead("allocations").Should().Contain("cashAllocation");
        StrategyChecks.KeysRead("drip").Should().BeEmpty("no key's value adds the DRIP sleeve the condor needs");
    }

    /// <summary>
    /// A file of no sleeve but its cash (cashAllocation 0 in the base) swept over cashAllocation: each run with a cash
    /// allocation of 1 has a sleeve, so the base is left to the runs; swept over an unrelated key it is refused, saying
    /// there is no sleeve (a review: the check was one no key could mend).
    /// </summary>
    [Fact]
    public void A_file_of_no_sleeve_swept_over_its_cash_allocation_is_left_to_the_runs()
    {
        using var d = new Alvh.Tests.Support.TempFolder();
        var path = d.Write("cash.yaml", "cashAllocation: 0\n");

        var unrelated = ((Action)(() => StrategyFile.Load(path, ["capital"]))).Should().Throw<StrategyFileException>().Which;
        var cash = StrategyFile.Load(path, ["cashAllocation"]);

        unrelated.Errors.Should().Contain(e => e.Contains("the strategy has no sleeve", StringComparison.Ordinal));
        cash.CashAllocation.Should().Be(0);
        StrategyChecks.Validate(cash with { CashAllocation = 1 }).Should().BeEmpty();
    }

    /// <summary>
    /// A strategy's name is its backtest's default folder (out/&lt;name&gt;): one that leaves out/ or names no folder is
    /// refused with its line; an empty one is the file's name, as a name left out is (a review: "" was refused).
    /// </summary>
    [Theory]
    [InlineData("name: ../../escape", false)]
    [InlineData("name: 'a.'", false)]
    [InlineData("name: 'a:b'", false)]
    [InlineData("name: \"\"", true)]
    [InlineData("name: my plan", true)]
    public void A_name_must_name_one_folder(string line, bool accepted)
    {
        using var d = new Alvh.Tests.Support.TempFolder();
        var path = d.Write("plan.yaml", line + "\ndrip: {allocation: 1}\n");

        var load = () => StrategyFile.Load(path);

        if (accepted) load().Name.Should().Be(line.Contains("my plan", StringComparison.Ordinal) ? "my plan" : "plan");
        else load.Should().Throw<StrategyFileException>().Which.Errors.Should().ContainSingle().Which.Should().StartWith("line 1: name: ").And.Contain("cannot name a folder");
    }

    [Fact]
    public void Annotations_give_meaning_unit_and_range()
    {
        var yaml = StrategyWriter.Write(Presets.DripCondorAlvh);
        yaml.Should().Contain("# maximum loss of one condor (fraction of equity; 0..0.5; default 0.02)");
        yaml.Should().Contain("    maxLossFraction: 0.02");
        yaml.Should().Contain("    regimeMultiplier:");
    }

    [Fact]
    public void Values_override_defaults_and_enums_are_case_insensitive()
    {
        var s = StrategyFile.Parse("name: mine\ncapital: 50000\nfills: sameclose\ndrip:\n  allocation: 0.9\ncondor:\n  allocation: 0.1\n  rules:\n    shortDelta: 0.1\n    entryWeekday: monday\n", "m.yaml");
        s.Capital.Should().Be(50_000);
        s.Fills.Should().Be(FillTiming.SameClose);
        s.Condor!.Rules.ShortDelta.Should().Be(0.1);
        s.Condor.Rules.EntryWeekday.Should().Be(DayOfWeek.Monday);
        s.Condor.Rules.PutWing.Should().Be(50, "omitted keys keep their defaults");
    }

    /// <summary>
    /// A map keeps the default entries it does not name, as every other omitted key does: a regime multiplier map of one
    /// regime used to set the others to 1 (the Extreme budget went from 0.25x to 1x).
    /// </summary>
    [Fact]
    public void A_partial_map_keeps_the_default_entries_it_does_not_name()
    {
        var s = StrategyFile.Parse("name: mine\ndrip:\n  allocation: 0.97\nalvh:\n  allocation: 0.03\n  rules:\n    regimeMultiplier: {Calm: 2}\n", "m.yaml");

        var defaults = new Alvh.Sleeves.AlvhParameters().RegimeMultiplier;
        s.Alvh!.Rules.RegimeMultiplier[Alvh.Regimes.VixRegime.Calm].Should().Be(2);
        s.Alvh.Rules.RegimeMultiplier.Where(kv => kv.Key != Alvh.Regimes.VixRegime.Calm).Should().BeEquivalentTo(defaults.Where(kv => kv.Key != Alvh.Regimes.VixRegime.Calm));
        defaults[Alvh.Regimes.VixRegime.Extreme].Should().Be(0.25);
    }

    /// <summary>
    /// A null where a key takes none, a section that is no mapping, or a list item of the wrong type is an error with its
    /// line and key: each used to crash validate or backtest with an internal error ("Value cannot be null", a null
    /// reference in the checks or in the sleeve).
    /// </summary>
    [Theory]
    [InlineData("  rules: ~\n", "line 5: alvh.rules: a value is required here (omit the key to keep its default)")]
    [InlineData("  rules: [1]\n", "line 5: alvh.rules: expected a mapping of keys")]
    [InlineData("  layerTenors: ~\n", "line 5: alvh.layerTenors: a value is required here (omit the key to keep its default)")]
    [InlineData("  layerTenors: [30.5, 60]\n", "line 5: alvh.layerTenors[0]: expected a whole number, got '30.5'")]
    [InlineData("  layerTenors: [99999999999]\n", "line 5: alvh.layerTenors[0]: 99999999999 is out of range (a whole number up to 2147483647)")]
    [InlineData("  rules:\n    regimeMultiplier: ~\n", "line 6: alvh.rules.regimeMultiplier: a value is required here (omit the key to keep its default)")]
    public void A_null_or_malformed_section_is_an_error_with_its_line(string alvh, string message)
    {
        var act = () => StrategyFile.Parse("name: mine\ndrip:\n  allocation: 0.97\nalvh:\n" + alvh + "  allocation: 0.03\n", "m.yaml");

        act.Should().Throw<StrategyFileException>().Which.Errors.Should().ContainSingle().Which.Should().Be(message);
    }

    /// <summary>
    /// An unquoted null leaves the DRIP's fallback out (<see cref="DripDefinition.FallbackSymbol"/> is nullable: the sleeve
    /// then holds cash until its equity lists), and the file <c>alvh init</c> writes for such a strategy reads back to it;
    /// a quoted 'null' is still the text. <c>fallbackSymbol: null</c> was read as the symbol "null": validate said ok and
    /// the backtest failed with "drip.fallbackSymbol null: ... (null-daily.csv is missing or has no rows)".
    /// </summary>
    [Theory]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("Null")]
    public void An_unquoted_null_leaves_the_drip_fallback_out(string value)
    {
        var s = StrategyFile.Parse($"drip:\n  symbol: SPY\n  fallbackSymbol: {value}\n", "f.yaml");
        s.Drip!.FallbackSymbol.Should().BeNull();
        s.Drip.Holdings().Should().Equal([("drip.symbol", "SPY")]);
        var yaml = StrategyWriter.Write(s);
        yaml.Should().Contain("  fallbackSymbol: null\n");
        StrategyFile.Parse(yaml, "f.yaml").Drip!.FallbackSymbol.Should().BeNull();
        StrategyFile.Parse("drip:\n  fallbackSymbol: 'null'\n", "q.yaml").Drip!.FallbackSymbol.Should().Be("null");
    }

    [Fact]
    public void A_null_key_in_a_map_is_an_error_with_its_line()
    {
        // Since an unquoted null is none for a text, a basket's null key bound to none and its entry was dropped without
        // a word: the only error was that the weights summed to 0.5.
        var act = () => StrategyFile.Parse("name: x\ndrip:\n  basket:\n    SPY: 0.5\n    ~: 0.5\n", "s.yaml");
        act.Should().Throw<StrategyFileException>().Which.Errors.Should().Contain(e => e.StartsWith("line 5: drip.basket: a key is required here", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("name: x\ndrip:\n  basket: {SPY: 0.5, [a]: 0.5}\n", "line 3: drip.basket: ")]
    [InlineData("name: x\n? [a, b]\n: 1\n", "line 2: (root): ")]
    public void A_key_that_is_a_list_or_a_mapping_is_an_error_with_its_line(string yaml, string start)
    {
        // A flow key ([a], {a: 1}) is valid YAML: the key was cast to a scalar and the cast failed ("Unable to cast object
        // of type 'YamlSequenceNode'"), with no line or key.
        var act = () => StrategyFile.Parse(yaml, "k.yaml");
        act.Should().Throw<StrategyFileException>().Which.Errors.Should().Contain(e => e.StartsWith(start, StringComparison.Ordinal));
    }

    [Fact]
    public void A_null_where_a_text_is_required_is_an_error_with_its_line()
    {
        var act = () => StrategyFile.Parse("name: x\ndrip:\n  symbol: ~\n", "s.yaml");
        act.Should().Throw<StrategyFileException>().Which.Errors.Should().ContainSingle().Which.Should().Be(
            "line 3: drip.symbol: a value is required here (omit the key to keep its default)");
    }

    /// <summary>
    /// A tab in the indentation is named on its own line: YamlDotNet's mark is where the enclosing mapping or scalar began
    /// ("line 1: ... found invalid tab as indentation" for a tab on line 4; line 4 for one on line 5).
    /// </summary>
    [Theory]
    [InlineData("name: x\ncapital: 1000000\ndrip:\n\tallocation: 1\n", 4)]
    [InlineData("name: x\ncapital: 1000000\ndrip:\n  allocation: 1\n\twholeShares: true\n", 5)]
    // A tab inside a block scalar's text (line 3) and a quoted scalar's continuation line (line 2) are valid YAML:
    // the tab to fix is the one after them, not the first in the file.
    [InlineData("description: |\n  a\n  \tb\ndrip:\n\tallocation: 1\n", 5)]
    [InlineData("description: \"a\n\tb\"\ndrip:\n  allocation: 1\n\tsymbol: SPY\n", 5)]
    public void A_tab_in_the_indentation_is_named_on_its_line(string yaml, int line)
    {
        var act = () => StrategyFile.Parse(yaml, "t.yaml");
        act.Should().Throw<StrategyFileException>().Which.Errors.Should().ContainSingle().Which.Should().Be(
            $"line {line}: not valid YAML: a tab in the indentation (YAML indents with spaces)");
    }

    [Fact]
    public void A_second_document_is_refused()
    {
        var act = () => StrategyFile.Parse("name: a\ndrip:\n  allocation: 1\n---\ncapital: 5000\n", "two.yaml");
        act.Should().Throw<StrategyFileException>().Which.Errors.Should().ContainSingle(x => x.StartsWith("line 5: a second YAML document", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("saturday")]
    [InlineData("Sunday")]
    public void A_weekend_entry_day_is_refused(string day)
    {
        // Markets are closed: the condor would never be opened, and the run said nothing.
        var act = () => StrategyFile.Parse($"drip:\n  allocation: 0.9\ncondor:\n  allocation: 0.1\n  rules:\n    entryWeekday: {day}\n", "w.yaml");
        act.Should().Throw<StrategyFileException>().Which.Errors.Should().ContainSingle(x =>
            x == $"line 6: condor.rules.entryWeekday: unknown value '{day}' (allowed: Monday, Tuesday, Wednesday, Thursday, Friday)");
    }

    [Fact]
    public void Every_error_names_its_key_path_line_and_allowed_values()
    {
        var yaml = "drip:\n  allocation: 0.9\ncondor:\n  allocation: 0.1\n  rules:\n    shortDelt: 0.1\n    maxLossFraction: 0.9\n    entryWeekday: someday\nalvh:\n  rules:\n    regimeMultiplier:\n      Calm: -1\n";
        var act = () => StrategyFile.Parse(yaml, "bad.yaml");
        var e = act.Should().Throw<StrategyFileException>().Which;
        e.Errors.Should().Contain(x => x.StartsWith("line 6: condor.rules.shortDelt: unknown key (allowed: ", StringComparison.Ordinal) && x.Contains("shortDelta"));
        e.Errors.Should().Contain("line 7: condor.rules.maxLossFraction: 0.9 is out of range (allowed 0..0.5 fraction of equity)");
        e.Errors.Should().Contain(x => x.StartsWith("line 8: condor.rules.entryWeekday: unknown value 'someday'", StringComparison.Ordinal));
        // The entry of a map, not the whole map (it printed "[[Unknown, 1], [Calm, -1], ...] is out of range" at the map's line).
        e.Errors.Should().Contain("line 12: alvh.rules.regimeMultiplier.Calm: -1 is out of range (allowed 0..10 x budget)");
        // The sum as a person would write it (it printed 1.0300000000000002).
        // Each allocation with its line, or "by default" (the sum alone named no line: which of the keys to change?).
        e.Errors.Should().Contain("allocations: drip + condor + alvh + overlay + cashAllocation must sum to 1, got 1.03 (drip.allocation 0.9 at line 2, condor.allocation 0.1 at line 4, alvh.allocation 0.03 by default)", "0.9 + 0.1 + 0.03 is not 1");
        // Keys ignore case, and so does the line lookup; a cash allocation the file sets is named too.
        var cased = () => StrategyFile.Parse("Drip:\n  Allocation: 0.5\ncashAllocation: 0.3\n", "bad.yaml");
        cased.Should().Throw<StrategyFileException>().Which.Errors.Should().Equal(
            "allocations: drip + condor + alvh + overlay + cashAllocation must sum to 1, got 0.8 (drip.allocation 0.5 at line 2, cashAllocation 0.3 at line 3)");
        var list = () => StrategyFile.Parse("drip:\n  allocation: 0.97\nalvh:\n  allocation: 0.03\n  layerTenors:\n    - 30\n    - 6000\n", "bad.yaml");
        list.Should().Throw<StrategyFileException>().Which.Errors.Should().Contain("line 7: alvh.layerTenors[1]: 6000 is out of range (allowed 7..400 calendar days)");
        // Every bad item of a list or a map at once: an item that is no number named that item alone, and the others out of
        // range only once it was mended.
        var items = () => StrategyFile.Parse("drip:\n  allocation: 0.97\nalvh:\n  allocation: 0.03\n  layerTenors: [30, abc, -5, 9999]\n  rules:\n    regimeMultiplier: {calm: x, elevated: -3}\n", "bad.yaml");
        items.Should().Throw<StrategyFileException>().Which.Errors.Should().Equal(
            "line 5: alvh.layerTenors[1]: expected a number, got 'abc'",
            "line 5: alvh.layerTenors[2]: -5 is out of range (allowed 7..400 calendar days)",
            "line 5: alvh.layerTenors[3]: 9999 is out of range (allowed 7..400 calendar days)",
            "line 7: alvh.rules.regimeMultiplier.calm: expected a number, got 'x'",
            "line 7: alvh.rules.regimeMultiplier.elevated: -3 is out of range (allowed 0..10 x budget)");
        e.Message.Should().StartWith("bad.yaml:");
    }

    /// <summary>
    /// A value that fails to bind is reported and the key keeps its default, so the checks across keys still run on
    /// a whole strategy: a list given as a number and a regime multiplier that is not a number are errors naming
    /// their line and key, next to the checks' own (here the allocations), not an unhandled exception.
    /// </summary>
    [Fact]
    public void A_value_that_fails_keeps_its_default_and_the_checks_still_run()
    {
        var yaml = "drip:\n  allocation: 0.9\nalvh:\n  allocation: 0.03\n  layerTenors: 30\n  rules:\n    regimeMultiplier:\n      High: x\n      Calm: 2\n";
        var e = ((Action)(() => StrategyFile.Parse(yaml, "bad.yaml"))).Should().Throw<StrategyFileException>().Which;
        e.Errors.Should().Contain("line 5: alvh.layerTenors: expected a list, e.g. [30, 60, 90]");
        e.Errors.Should().Contain("line 8: alvh.rules.regimeMultiplier.High: expected a number, got 'x'");
        e.Errors.Should().Contain(x => x.StartsWith("allocations:", StringComparison.Ordinal), "0.9 + 0.03 is not 1");
        e.Errors.Should().HaveCount(3);
    }

    [Fact]
    public void Not_yaml_and_not_a_mapping_are_errors()
    {
        ((Action)(() => StrategyFile.Parse("capital: [1, 2", "x.yaml"))).Should().Throw<StrategyFileException>().Which.Errors[0].Should().Contain("not valid YAML");
        ((Action)(() => StrategyFile.Parse("- 1\n- 2\n", "x.yaml"))).Should().Throw<StrategyFileException>().Which.Errors[0].Should().Contain("expected a mapping");
    }

    /// <summary>
    /// YamlDotNet reports an alias without its anchor at line 1, as "The anchor 'x' does not exists". The line is the
    /// alias's, not that of a comment or a string that mentions it.
    /// </summary>
    [Fact]
    public void An_alias_without_its_anchor_is_named_at_its_line()
    {
        ((Action)(() => StrategyFile.Parse("name: a # *full\ndescription: 'see *full'\ncapital: 1000000\ndrip:\n  allocation: *full\n", "x.yaml"))).Should().Throw<StrategyFileException>()
            .Which.Errors.Should().Equal("line 5: the alias *full refers to no anchor (no &full in the file)");
        StrategyFile.Parse("name: a\ncapital: &c 1000000\ndrip:\n  allocation: 1\n", "x.yaml").Capital.Should().Be(1_000_000, "an anchor used by no alias is fine");
    }

    [Fact]
    public void Regime_multipliers_bind_by_regime_name()
    {
        var s = StrategyFile.Parse("drip:\n  allocation: 0.97\nalvh:\n  allocation: 0.03\n  rules:\n    regimeMultiplier:\n      calm: 2\n      extreme: 0\n", "r.yaml");
        s.Alvh!.Rules.RegimeMultiplier[VixRegime.Calm].Should().Be(2);
        s.Alvh.Rules.RegimeMultiplier[VixRegime.Extreme].Should().Be(0);
    }

    /// <summary>
    /// A tab indenting a flow mapping's continuation line makes YamlDotNet throw InvalidOperationException, not a
    /// YamlException: `alvh validate` ended with "internal error (InvalidOperationException)" (review).
    /// </summary>
    [Fact]
    public void A_parser_fault_is_an_error_with_its_line()
    {
        var act = () => StrategyFile.Parse("drip:\n  allocation: 1\n  basket: {SPY: 0.5,\n\tQQQ: 0.5}\n", "t.yaml");
        act.Should().Throw<StrategyFileException>().Which.Errors.Should().Equal("line 4: not valid YAML: a tab in the indentation (YAML indents with spaces)");
    }

    /// <summary>
    /// An allocation out of its range is the error; the sum of the allocations, computed with its default in its place,
    /// named a total the file never wrote (drip.allocation: 7 gave "must sum to 1, got 1.03") (review).
    /// </summary>
    [Fact]
    public void A_refused_allocation_is_not_summed_with_its_default()
    {
        var act = () => StrategyFile.Parse("drip:\n  allocation: 7\nalvh:\n  allocation: 0.03\n", "a.yaml");
        var errors = act.Should().Throw<StrategyFileException>().Which.Errors;
        errors.Should().ContainSingle().Which.Should().StartWith("line 2: drip.allocation: 7 is out of range");
    }

    /// <summary>
    /// Keys ignore case, and so does the refused allocation's check (review): <c>Allocation: 7</c> was refused and the sum
    /// was still told, with its default, listed as "drip.allocation 1 at line 2", a value the file never wrote at that line.
    /// </summary>
    [Theory]
    [InlineData("drip:\n  Allocation: 7\nalvh:\n  allocation: 0.03\n", "line 2: drip.Allocation: 7 is out of range")]
    [InlineData("drip:\n  allocation: 0.8\nalvh:\n  allocation: 0.03\nCashAllocation: 5\n", "line 5: CashAllocation: 5 is out of range")]
    // A section refused whole: the sum left its sleeve out ("got 0.9" beside "condor: expected a mapping of keys").
    [InlineData("drip:\n  allocation: 0.9\ncondor:\n", "line 3: condor: expected a mapping")]
    [InlineData("drip:\n  allocation: 0.97\nALVH: 5\n", "line 3: ALVH: expected a mapping")]
    public void A_refused_allocation_in_any_case_is_not_summed_with_its_default(string yaml, string error)
    {
        var act = () => StrategyFile.Parse(yaml, "a.yaml");
        var errors = act.Should().Throw<StrategyFileException>().Which.Errors;
        errors.Should().ContainSingle().Which.Should().StartWith(error);
    }
}
