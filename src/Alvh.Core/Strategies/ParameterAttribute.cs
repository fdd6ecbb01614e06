namespace Alvh.Strategies;

/// <summary>
/// Describes a strategy parameter for strategy files: its meaning, unit and allowed range. Used to
/// write the annotated YAML of <c>alvh init</c> and to validate files (errors name the key path and
/// the allowed range).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ParameterAttribute(string meaning) : Attribute
{
    /// <summary>What the parameter means.</summary>
    public string Meaning { get; } = meaning;

    /// <summary>Unit, e.g. <c>fraction of equity</c>, <c>days</c>, <c>points</c>.</summary>
    public string Unit { get; init; } = "";

    /// <summary>Smallest allowed value (numbers only).</summary>
    public double Min { get; init; } = double.NegativeInfinity;

    /// <summary>Largest allowed value (numbers only).</summary>
    public double Max { get; init; } = double.PositiveInfinity;
}
