using Alvh.Pricing;

namespace Alvh.Core.Tests.Structures;

/// <summary>A flat smile.</summary>
internal readonly struct FlatSmile(double vol) : IVolSmile
{
    public double Vol(double strike) => vol;
}

/// <summary>A linear-in-log-moneyness equity skew, floored at 5%: σ(K) = atm − slope × ln(K/F).</summary>
internal readonly struct SkewSmile(double atmVol, double slope, double forward) : IVolSmile
{
    public double Vol(double strike) => Math.Max(atmVol - slope * Math.Log(strike / forward), 0.05);
}
