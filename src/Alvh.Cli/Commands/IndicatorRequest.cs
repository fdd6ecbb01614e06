namespace Alvh.Cli.Commands;

/// <summary>The options of <c>alvh indicators</c> that shape the computation; null means the indicator's default.</summary>
internal sealed record IndicatorRequest(string Indicator, int? Period, int? Fast, int? Slow, int? Signal, DateOnly? From, DateOnly? To);
