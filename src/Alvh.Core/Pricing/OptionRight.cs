namespace Alvh.Pricing;

/// <summary>The right an option gives its holder: to buy (call) or to sell (put) the underlying at the strike.</summary>
/// <remarks>
/// The numeric values are part of the contract of the batch kernels: a lane's payoff sign is
/// <c>ω = 1 − 2 × (int)right</c>, i.e. +1 for a call and −1 for a put.
/// </remarks>
public enum OptionRight
{
    /// <summary>Right to buy the underlying at the strike; payoff max(S − K, 0).</summary>
    Call = 0,

    /// <summary>Right to sell the underlying at the strike; payoff max(K − S, 0).</summary>
    Put = 1,
}
