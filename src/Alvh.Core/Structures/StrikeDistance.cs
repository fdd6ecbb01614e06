namespace Alvh.Structures;

/// <summary>Units of a distance from the spot used to place short strikes (e.g. "5% out of the money").</summary>
public enum StrikeDistance
{
    /// <summary>Index points (currency units).</summary>
    Points = 0,

    /// <summary>Percent of the forward (5 = 5%).</summary>
    Percent = 1,
}
