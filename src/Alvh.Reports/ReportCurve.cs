namespace Alvh.Reports;

/// <summary>One portfolio as the charts draw it.</summary>
/// <param name="Name">Portfolio name (legend).</param>
/// <param name="Dates">Trading days.</param>
/// <param name="Equity">Equity at each close, dollars.</param>
/// <param name="Index">Position among the report's portfolios (picks a colour for unknown names).</param>
internal sealed record ReportCurve(string Name, DateOnly[] Dates, double[] Equity, int Index)
{
    /// <summary>The portfolio's colour.</summary>
    public ScottPlot.Color Color => Palette.Color(Name, Index);

    /// <summary>Baselines are dashed.</summary>
    public bool Dashed => Palette.IsBaseline(Name);

    /// <summary>The full system is drawn thicker.</summary>
    public bool Emphasised => Name == "drip-condor-alvh";
}
