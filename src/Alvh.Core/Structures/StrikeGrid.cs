using Alvh.Pricing;

namespace Alvh.Structures;

/// <summary>Listed strikes: multiples of a step (5 index points for SPX, 1 point for VIX).</summary>
/// <param name="Step">Strike interval, currency units (&gt; 0).</param>
public readonly record struct StrikeGrid(double Step)
{
    /// <summary>SPX: 5-point strikes (Cboe SPX specifications; "no less than 5 points").</summary>
    public static StrikeGrid Spx => new(5.0);

    /// <summary>VIX options: 1-point strikes (Cboe VIX option specifications, near-term strikes).</summary>
    public static StrikeGrid Vix => new(1.0);

    /// <summary>The listed strike nearest to <paramref name="strike"/> (halves round away from zero).</summary>
    /// <param name="strike">Any strike, currency units.</param>
    /// <returns>A multiple of <see cref="Step"/>.</returns>
    public double Nearest(double strike)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Step);
        return NearestListing.Round(strike);
    }

    /// <summary>This grid's strikes with rounding to the nearest, as the strike searches take them (<see cref="StrikeFromDelta.ListedForSmile{TSmile}"/>).</summary>
    public StrikeListing NearestListing => new(Step, StrikeRounding.Nearest);

    /// <summary>True when <paramref name="strike"/> is a multiple of the step (to 1e-9 of a step).</summary>
    /// <param name="strike">Strike, currency units.</param>
    /// <returns>Whether the strike is listed on this grid.</returns>
    public bool Contains(double strike) => Math.Abs(strike / Step - Math.Round(strike / Step)) < 1e-9;
}
