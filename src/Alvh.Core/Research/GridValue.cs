namespace Alvh.Research;

/// <summary>
/// One value a grid axis takes: the YAML text that is set at the key path (a scalar such as <c>0.16</c>
/// or <c>Thursday</c>, or a flow list such as <c>[30, 60, 90]</c>), and its number when it is one.
/// </summary>
/// <param name="Text">The value as YAML text.</param>
/// <param name="Number">The value as a number, or NaN when it is not numeric.</param>
public readonly record struct GridValue(string Text, double Number)
{
    /// <summary>True when the value is a number (the sweep's result column is then numeric).</summary>
    public bool IsNumber => !double.IsNaN(Number);
}
