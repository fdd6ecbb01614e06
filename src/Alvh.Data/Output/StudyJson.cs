using System.Text.Json;
using Alvh.Study;

namespace Alvh.Data.Output;

/// <summary>
/// study.json: <c>{"from","to","highVixThreshold","runs":[{"preset","description","metrics":{...},"highVixReturn",
/// "windows":[{"id","name","start","end","return","maxDrawdown"}],"years":[{"year","return"}]}],
/// "baselines":[..],"claim":{"windows":[{"id","name","hedged","baselineMaxDrawdown","hedgedMaxDrawdown",
/// "reductionPercent","reductionPoints","withinClaim"}],"calmYearCost":[..]},"verdict","notes":[..],"assumptions":{..}}</c>.
/// Fractions throughout; drawdowns negative.
/// </summary>
public static class StudyJson
{
    /// <summary>Writes the study text.</summary>
    public static string Write(StudyResult study) => JsonOut.Build(w =>
    {
        w.WriteStartObject();
        JsonOut.Date(w, "from", study.From);
        JsonOut.Date(w, "to", study.To);
        w.WriteNumber("highVixThreshold", study.HighVixThreshold);
        w.WriteNumber("calmYearAverageVix", study.CalmYearAverageVix);
        w.WriteStartArray("runs");
        foreach (var r in study.Runs)
        {
            w.WriteStartObject();
            w.WriteString("preset", r.Name);
            w.WriteString("description", r.Description);
            JsonOut.Metrics(w, "metrics", r.Metrics);
            JsonOut.Number(w, "highVixReturn", r.HighVixReturn);
            if (r.Sleeves is { } sleeves) JsonOut.Sleeves(w, "sleeves", sleeves);
            if (r.Backtest is { } b)
            {
                w.WriteString("ledgerSha256", b.Ledger.Sha256());
                w.WriteNumber("trades", b.Trades.Count);
            }
            w.WriteStartArray("windows");
            foreach (var x in r.Windows)
            {
                w.WriteStartObject();
                w.WriteString("id", x.Id);
                w.WriteString("name", x.Name);
                JsonOut.Date(w, "start", x.Start);
                JsonOut.Date(w, "end", x.End);
                JsonOut.Number(w, "return", x.Return);
                JsonOut.Number(w, "maxDrawdown", x.MaxDrawdown);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("years");
            foreach (var y in r.Years)
            {
                w.WriteStartObject();
                w.WriteNumber("year", y.Year);
                JsonOut.Number(w, "return", y.Return);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("baselines");
        foreach (var b in study.Baselines)
        {
            w.WriteStartObject();
            w.WriteString("name", b.Name);
            w.WriteString("target", b.Target);
            JsonOut.Number(w, "targetValue", b.TargetValue);
            JsonOut.Number(w, "equityWeight", b.Weight);
            JsonOut.Number(w, "achieved", b.Achieved);
            if (b.Reason is null) w.WriteNull("reason");
            else w.WriteString("reason", b.Reason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("claim");
        w.WriteString("statement", "layered VIX hedges cut DRIP drawdowns 12–18% in high-VIX periods");
        w.WriteStartArray("windows");
        foreach (var c in study.Claims)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Window);
            w.WriteString("name", c.Name);
            w.WriteString("hedged", c.Hedged);
            JsonOut.Number(w, "baselineMaxDrawdown", c.BaselineMaxDrawdown);
            JsonOut.Number(w, "hedgedMaxDrawdown", c.HedgedMaxDrawdown);
            JsonOut.Number(w, "reductionPercent", c.ReductionPercent);
            JsonOut.Number(w, "reductionPoints", c.ReductionPoints);
            w.WriteBoolean("withinClaim", c.WithinClaim);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("calmYearCost");
        foreach (var c in study.CalmCosts)
        {
            w.WriteStartObject();
            w.WriteString("hedged", c.Hedged);
            w.WriteStartArray("years");
            foreach (var y in c.Years) w.WriteNumberValue(y);
            w.WriteEndArray();
            JsonOut.Number(w, "costPerYear", c.CostPerYear);
            w.WriteStartArray("yearsWithoutCrisis");
            foreach (var y in c.QuietYears) w.WriteNumberValue(y);
            w.WriteEndArray();
            JsonOut.Number(w, "costPerYearWithoutCrisis", c.QuietCostPerYear);
            if (!double.IsNaN(c.OptionPnlPerYear))
            {
                JsonOut.Number(w, "optionPnlPerYear", c.OptionPnlPerYear);
                JsonOut.Number(w, "optionPnlPerYearWithoutCrisis", c.QuietOptionPnlPerYear);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        Sensitivity(w, "sensitivity", study.Sensitivity);
        // The hedge alone under the rules read for it too (the claim is the hedge's).
        Sensitivity(w, "hedgeSensitivity", study.HedgeSensitivity);
        w.WriteStartArray("comparisons");
        foreach (var c in study.Comparisons)
        {
            w.WriteStartObject();
            w.WriteString("strategy", c.Strategy);
            w.WriteString("baseline", c.Baseline);
            JsonOut.Number(w, "cagrDifference", c.Difference.Estimate);
            JsonOut.Number(w, "lower", c.Difference.Lower);
            JsonOut.Number(w, "upper", c.Difference.Upper);
            JsonOut.Number(w, "level", c.Difference.Level);
            JsonOut.Number(w, "meanBlockDays", c.Difference.MeanBlock);
            w.WriteNumber("resamples", c.Difference.Resamples);
            w.WriteNumber("seed", c.Difference.Seed);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("verdict", study.Verdict);
        w.WriteStartArray("notes");
        foreach (var n in study.Notes) w.WriteStringValue(n);
        w.WriteEndArray();
        JsonOut.Assumptions(w, "assumptions", study.Assumptions);
        w.WriteEndObject();
    });

    /// <summary>Writes an array of sensitivity rows.</summary>
    private static void Sensitivity(Utf8JsonWriter w, string name, IReadOnlyList<SensitivityRow> rows)
    {
        w.WriteStartArray(name);
        foreach (var r in rows)
        {
            w.WriteStartObject();
            w.WriteString("scenario", r.Scenario);
            w.WriteString("kind", r.Kind);
            w.WriteString("description", r.Description);
            JsonOut.Number(w, "cagr", r.Cagr);
            JsonOut.Number(w, "volatility", r.Volatility);
            JsonOut.Number(w, "maxDrawdown", r.MaxDrawdown);
            JsonOut.Number(w, "averageReductionPercent", r.AverageReductionPercent);
            JsonOut.Number(w, "medianReductionPercent", r.MedianReductionPercent);
            w.WriteNumber("windowsWithinClaim", r.WindowsWithinClaim);
            JsonOut.Number(w, "sameVolatilityCagr", r.SameVolatilityCagr);
            JsonOut.Number(w, "sameVolatilityMaxDrawdown", r.SameVolatilityMaxDrawdown);
            JsonOut.Number(w, "sameVolatilityAverageReductionPercent", r.SameVolatilityAverageReductionPercent);
            w.WriteBoolean("beatsSameVolatility", r.BeatsSameVolatility);
            // The verdict leaves such a row out of its count of scenarios: the file says which.
            w.WriteBoolean("identicalToPreset", r.IdenticalToPreset);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
