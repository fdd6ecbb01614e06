namespace Alvh.Costs;

/// <summary>One named model parameter with its value, unit and the reason for the default, for reports.</summary>
/// <param name="Name">Parameter name as in code.</param>
/// <param name="Value">Value in use.</param>
/// <param name="Unit">Unit of <paramref name="Value"/>.</param>
/// <param name="Reason">Source or reasoning behind the default.</param>
public readonly record struct CostParameter(string Name, double Value, string Unit, string Reason);
