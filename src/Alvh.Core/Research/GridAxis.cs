namespace Alvh.Research;

/// <summary>One swept parameter: its key path in the strategy (camelCase, dot-separated, e.g.
/// <c>condor.rules.shortDelta</c>) and the values it takes, in the order given.</summary>
/// <param name="Path">Key path in the strategy file.</param>
/// <param name="Values">Values, at least one.</param>
public sealed record GridAxis(string Path, IReadOnlyList<GridValue> Values)
{
    /// <summary>True when every value is numeric.</summary>
    public bool IsNumeric => Values is GridRange || Values.All(v => v.IsNumber);

    /// <summary>Where the axis is written, e.g. <c>grid.yaml: line 2</c>, for errors about its key or values; null when it was not read from a file.</summary>
    public string? Source { get; init; }
}
