namespace Alvh.Engine;

/// <summary>One named model or engine assumption, printed in every report.</summary>
/// <param name="Name">Parameter name, e.g. <c>fillTiming</c>.</param>
/// <param name="Value">Value as text.</param>
/// <param name="Unit">Unit, e.g. <c>fraction</c>, <c>days</c>, <c>$/contract</c>; empty when none.</param>
/// <param name="Reason">Why this default.</param>
public sealed record Assumption(string Name, string Value, string Unit, string Reason);
