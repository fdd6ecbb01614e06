namespace Alvh.Analytics;

/// <summary>
/// An external cash flow into or out of the portfolio, in the equity curve's currency units:
/// <see cref="Amount"/> &gt; 0 is a contribution (money paid in), &lt; 0 a withdrawal. The flow is
/// taken to be already included in the end-of-day equity of <see cref="Date"/> (or of the next
/// date of the curve when <see cref="Date"/> is not one of its dates).
/// </summary>
/// <param name="Date">Calendar date of the flow.</param>
/// <param name="Amount">Currency amount; positive = contribution, negative = withdrawal.</param>
public readonly record struct ExternalFlow(DateOnly Date, double Amount);
