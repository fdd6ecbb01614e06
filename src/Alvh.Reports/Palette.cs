namespace Alvh.Reports;

/// <summary>One colour per portfolio, the same in every chart and table of every report.</summary>
internal static class Palette
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["drip"] = "#374151",
        ["drip-condor"] = "#d97706",
        ["drip-alvh"] = "#2563eb",
        ["drip-condor-alvh"] = "#dc2626",
        ["drip-same-vol"] = "#059669",
        ["drip-same-cagr"] = "#7c3aed",
        [BacktestReport.BenchmarkName] = "#9ca3af",
    };

    private static readonly string[] Others = ["#0891b2", "#db2777", "#65a30d", "#9333ea", "#ea580c", "#0f766e"];

    /// <summary>The portfolio's colour as <c>#rrggbb</c>; unknown names take a colour from their position.</summary>
    public static string Hex(string name, int index) => Known.TryGetValue(name, out var hex) ? hex : Others[index % Others.Length];

    /// <summary>The portfolio's colour for ScottPlot.</summary>
    public static ScottPlot.Color Color(string name, int index) => ScottPlot.Color.FromHex(Hex(name, index));

    /// <summary>True for the computed (de-levered) baselines, drawn dashed.</summary>
    public static bool IsBaseline(string name) => name.StartsWith("drip-same-", StringComparison.Ordinal);
}
