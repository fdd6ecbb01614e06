namespace Alvh.Model;

/// <summary>One parameter or rule of the market model, as printed in reports' assumptions list.</summary>
/// <param name="Name">Parameter name, as in the code (e.g. <c>SurfaceParameters.RhoCalm</c>).</param>
/// <param name="Value">Value, formatted invariantly.</param>
/// <param name="Unit">Unit (e.g. "fraction", "vol points", "calendar days", "1/year"), or "rule".</param>
/// <param name="Reason">Why this value: a source, a fit, or a trade-off.</param>
public sealed record ModelAssumption(string Name, string Value, string Unit, string Reason);
