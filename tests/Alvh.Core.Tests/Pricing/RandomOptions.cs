using Alvh.Pricing;

namespace Alvh.Core.Tests.Pricing;

/// <summary>One randomly drawn option; <see cref="T"/> is <see cref="Days"/>/365 so QLNet's Actual/365 dates match exactly.</summary>
internal readonly record struct RandomOption(OptionRight Right, double Spot, double Strike, double Rate, double DividendYield, double Vol, int Days)
{
    public double T => Days / 365.0;
}

/// <summary>Seeded generator of option inputs across moneyness 0.5–2, tenors 1 day–3 years, vols 5–150%.</summary>
internal static class RandomOptions
{
    public static IEnumerable<RandomOption> Generate(int seed, int count)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            double spot = 10.0 * Math.Pow(500.0, random.NextDouble());
            double moneyness = 0.5 * Math.Pow(4.0, random.NextDouble());
            yield return new RandomOption(
                random.Next(2) == 0 ? OptionRight.Call : OptionRight.Put,
                spot,
                spot * moneyness,
                -0.01 + 0.11 * random.NextDouble(),
                0.06 * random.NextDouble(),
                0.05 + 1.45 * random.NextDouble(),
                1 + random.Next(3 * 365));
        }
    }
}
