using System.Collections.Immutable;
using Alvh.Pricing;

namespace Alvh.Structures;

/// <summary>
/// Profit and loss at expiry of a set of legs on one expiry entered for a net credit: the
/// piecewise-linear payoff plus the credit, its extremes, break-evens and probability of profit.
/// </summary>
/// <remarks>
/// Amounts are per unit of underlying (index points): multiply by the contract multiplier (100
/// for SPX and VIX options) for dollars. The credit is not compounded to expiry (for a 45-day
/// condor at 5% that is about 0.6% of the credit). Unbounded sides give +∞.
/// </remarks>
public sealed class PayoffProfile
{
    private readonly ImmutableArray<OptionLeg> legs;
    private readonly double[] kinks;

    /// <summary>The profile of <paramref name="legs"/> entered for <paramref name="netCredit"/>.</summary>
    /// <param name="legs">Legs of one expiry.</param>
    /// <param name="netCredit">Premium received (negative when paid), currency units per unit, for the whole quantity.</param>
    public PayoffProfile(ImmutableArray<OptionLeg> legs, double netCredit)
    {
        if (legs.IsDefaultOrEmpty) throw new ArgumentException("At least one leg is needed.", nameof(legs));
        this.legs = legs;
        NetCredit = netCredit;
        kinks = [0.0, .. legs.Select(l => l.Strike).Distinct().Order()];

        double rightSlope = legs.Sum(l => l.Right == OptionRight.Call ? (double)l.Quantity : 0.0);
        double highest = kinks.Max(ProfitAt);
        double lowest = kinks.Min(ProfitAt);
        MaxProfit = rightSlope > 0.0 ? double.PositiveInfinity : highest;
        MaxLoss = rightSlope < 0.0 ? double.PositiveInfinity : -lowest;
        BreakEvens = FindBreakEvens(rightSlope);
    }

    /// <summary>Premium received at entry (negative when paid), currency units per unit.</summary>
    public double NetCredit { get; }

    /// <summary>Largest profit at expiry, currency units per unit; +∞ when unbounded.</summary>
    public double MaxProfit { get; }

    /// <summary>Largest loss at expiry as a positive amount, currency units per unit; +∞ when unbounded (negative only if every outcome is a profit).</summary>
    public double MaxLoss { get; }

    /// <summary>Settlement values at which the profit at expiry crosses zero, ascending.</summary>
    public ImmutableArray<double> BreakEvens { get; }

    /// <summary>Profit at expiry for a settlement value: Σ payoffs + net credit, currency units per unit.</summary>
    /// <param name="settlement">Settlement value of the underlying, currency units.</param>
    /// <returns>The profit (negative for a loss).</returns>
    public double ProfitAt(double settlement)
    {
        double payoff = 0.0;
        foreach (var leg in legs) payoff += leg.PayoffAt(settlement);
        return payoff + NetCredit;
    }

    /// <summary>
    /// Risk-neutral probability that the profit at expiry is strictly positive: the sum of
    /// P(a &lt; S_T &lt; b) over the intervals where it is, from <see cref="RiskNeutralDigital"/>.
    /// </summary>
    /// <param name="market">The expiry's market.</param>
    /// <returns>A probability in [0, 1].</returns>
    public double ProbabilityOfProfit(OptionMarket market)
    {
        ArgumentNullException.ThrowIfNull(market);
        double probability = 0.0;
        for (int i = 0; i < kinks.Length; i++)
        {
            double a = kinks[i];
            double b = i + 1 < kinks.Length ? kinks[i + 1] : double.PositiveInfinity;
            if (PositivePart(a, b) is not var (from, to)) continue;
            probability += RiskNeutralDigital.ProbabilityAbove(market, from) - RiskNeutralDigital.ProbabilityAbove(market, to);
        }

        return Math.Clamp(probability, 0.0, 1.0);
    }

    /// <summary>The sub-interval of [a, b] on which the (linear) profit is positive, if any.</summary>
    private (double From, double To)? PositivePart(double a, double b)
    {
        double pa = ProfitAt(a);
        double slope = double.IsPositiveInfinity(b) ? RightSlope() : (ProfitAt(b) - pa) / (b - a);
        double pb = double.IsPositiveInfinity(b) ? (slope > 0 ? double.PositiveInfinity : slope < 0 ? double.NegativeInfinity : pa) : ProfitAt(b);
        if (pa > 0.0 && pb > 0.0) return (a, b);
        if (pa <= 0.0 && pb <= 0.0) return null;
        double root = a - pa / slope;
        return pa > 0.0 ? (a, root) : (root, b);
    }

    private double RightSlope() => legs.Sum(l => l.Right == OptionRight.Call ? (double)l.Quantity : 0.0);

    private ImmutableArray<double> FindBreakEvens(double rightSlope)
    {
        var roots = ImmutableArray.CreateBuilder<double>();
        for (int i = 0; i + 1 < kinks.Length; i++)
        {
            double pa = ProfitAt(kinks[i]);
            double pb = ProfitAt(kinks[i + 1]);
            if (pa == 0.0 && i > 0) roots.Add(kinks[i]);
            else if ((pa < 0.0 && pb > 0.0) || (pa > 0.0 && pb < 0.0)) roots.Add(kinks[i] + (kinks[i + 1] - kinks[i]) * pa / (pa - pb));
        }

        double last = kinks[^1];
        double pLast = ProfitAt(last);
        if (pLast == 0.0 && kinks.Length > 1) roots.Add(last);
        else if ((pLast < 0.0 && rightSlope > 0.0) || (pLast > 0.0 && rightSlope < 0.0)) roots.Add(last - pLast / rightSlope);
        return roots.ToImmutable();
    }
}
