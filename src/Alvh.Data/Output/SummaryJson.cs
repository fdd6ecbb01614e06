using Alvh.Analytics;
using Alvh.Engine;

namespace Alvh.Data.Output;

/// <summary>
/// summary.json of one backtest: <c>{"preset","from","to","fillTiming","metrics":{...},"ledgerSha256",
/// "optionValuations","trades","dropped":[..],"assumptions":{...}}</c>; metrics as fractions, maxDrawdown negative;
/// <c>dropped</c> holds each <see cref="DroppedOrder"/> as its one line (<see cref="DroppedOrder.ToString"/>).
/// </summary>
public static class SummaryJson
{
    /// <summary>Writes the summary text.</summary>
    public static string Write(string preset, BacktestResult result, MetricSet metrics, Runs.SleeveReport? sleeves = null) => JsonOut.Build(w =>
    {
        w.WriteStartObject();
        w.WriteString("preset", preset);
        JsonOut.Date(w, "from", result.Daily[0].Date);
        JsonOut.Date(w, "to", result.Daily[^1].Date);
        w.WriteString("fillTiming", result.Assumptions.FirstOrDefault(a => a.Name == "fillTiming")?.Value ?? "");
        JsonOut.Metrics(w, "metrics", metrics);
        if (sleeves is not null) JsonOut.Sleeves(w, "sleeves", sleeves);
        w.WriteString("ledgerSha256", result.Ledger.Sha256());
        w.WriteNumber("optionValuations", result.OptionValuations);
        w.WriteNumber("trades", result.Trades.Count);
        w.WriteStartArray("dropped");
        foreach (var d in result.Dropped) w.WriteStringValue(d.ToString());
        w.WriteEndArray();
        JsonOut.Assumptions(w, "assumptions", result.Assumptions);
        w.WriteEndObject();
    });
}
