namespace Alvh;

/// <summary>One named assumption of the market model, the costs, the engine or a sleeve: printed in every report.</summary>
/// <param name="Name">Parameter name, e.g. <c>fillTiming</c>.</param>
/// <param name="Value">Value as text.</param>
/// <param name="Unit">Unit, e.g. <c>fraction</c>, <c>days</c>, <c>$/contract</c>; empty when none.</param>
/// <param name="Reason">Why this default.</param>
public sealed record Assumption(string Name, string Value, string Unit, string Reason);
