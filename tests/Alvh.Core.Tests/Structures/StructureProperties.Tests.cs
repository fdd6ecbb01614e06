using Alvh.Pricing;
using Alvh.Structures;

namespace Alvh.Core.Tests.Structures;

/// <summary>Properties over random condors and options from a seeded generator (seed fixed, so failures reproduce).</summary>
public class StructurePropertiesTests
{
    private const int Seed = 20240315;
    private const int Cases = 400;
    private static readonly DateOnly Expiry = new(2024, 3, 15);

    [Fact]
    public void Condors_MaxLossNonNegative_PayoffBounded_PoPInUnitInterval_MarginIsMaxLoss()
    {
        var random = new Random(Seed);
        for (int i = 0; i < Cases; i++)
        {
            double spot = 1000 + 5000 * random.NextDouble();
            double t = (7 + 83 * random.NextDouble()) / 365.0;
            double rate = 0.06 * random.NextDouble(), q = 0.03 * random.NextDouble();
            double atm = 0.1 + 0.5 * random.NextDouble();
            IVolSmile smile = random.Next(2) == 0 ? new FlatSmile(atm) : new SkewSmile(atm, random.NextDouble(), BlackScholes.Forward(spot, rate, q, t));
            var market = new OptionMarket(spot, rate, q, t, smile);
            double putWing = 5 * random.Next(1, 21), callWing = 5 * random.Next(1, 21);
            double putDelta = -(0.05 + 0.3 * random.NextDouble()), callDelta = 0.05 + 0.3 * random.NextDouble();
            IronCondor condor;
            try
            {
                condor = IronCondor.ByDelta(market, Expiry, putDelta, callDelta, putWing, callWing, StrikeGrid.Spx, quantity: random.Next(1, 4));
            }
            catch (ArgumentException)
            {
                continue; // shorts crossed after rounding: rejected by validation, as intended
            }

            var profile = condor.Profile;
            string context = $"case {i}: {string.Join('/', condor.Legs.Select(l => l.Strike))}";
            profile.MaxLoss.Should().BeGreaterThanOrEqualTo(0, context);
            condor.DefinedRiskMargin.Should().BeApproximately(profile.MaxLoss, 1e-9, context);
            for (int j = 0; j < 20; j++)
            {
                double settlement = spot * (0.5 + random.NextDouble());
                profile.ProfitAt(settlement).Should().BeInRange(-profile.MaxLoss - 1e-9, profile.MaxProfit + 1e-9, context);
            }

            profile.ProbabilityOfProfit(market).Should().BeInRange(0, 1, context);
        }
    }

    [Fact]
    public void ParityImpliedForward_EqualsTheModelForward_ForModelPrices()
    {
        var random = new Random(Seed + 1);
        for (int i = 0; i < Cases; i++)
        {
            double spot = 10 + 5000 * random.NextDouble();
            double t = (1 + 700 * random.NextDouble()) / 365.0;
            double rate = 0.08 * random.NextDouble() - 0.01, q = 0.04 * random.NextDouble();
            double strike = spot * (0.7 + 0.6 * random.NextDouble());
            var market = new OptionMarket(spot, rate, q, t, new SkewSmile(0.1 + 0.5 * random.NextDouble(), random.NextDouble(), spot));

            double implied = PutCallParity.ImpliedForward(market.Price(OptionRight.Call, strike), market.Price(OptionRight.Put, strike), strike, market.DiscountFactor);

            implied.Should().BeApproximately(market.Forward, 1e-9 * market.Forward, $"case {i}");
        }
    }
}
