using Alvh.Pricing;

namespace Alvh.Benchmarks.Pricing;

/// <summary>Seeded random option inputs for the pricing benchmarks (SPX-like: spot 4500, strikes 50%–200%, 1 day–1 year, vols 10%–60%).</summary>
internal static class OptionInputs
{
    public static (OptionRight[] Rights, double[] Spots, double[] Strikes, double[] Rates, double[] Yields, double[] Vols, double[] Times, double[] Prices) Random(int count)
    {
        var random = new Random(20240115);
        var rights = new OptionRight[count];
        var spots = new double[count];
        var strikes = new double[count];
        var rates = new double[count];
        var yields = new double[count];
        var vols = new double[count];
        var times = new double[count];
        for (int i = 0; i < count; i++)
        {
            rights[i] = random.Next(2) == 0 ? OptionRight.Call : OptionRight.Put;
            spots[i] = 4500.0;
            strikes[i] = 4500.0 * (0.5 + 1.5 * random.NextDouble());
            rates[i] = 0.045;
            yields[i] = 0.015;
            vols[i] = 0.1 + 0.5 * random.NextDouble();
            times[i] = (1 + random.Next(365)) / 365.0;
        }
        return (rights, spots, strikes, rates, yields, vols, times, new double[count]);
    }
}
