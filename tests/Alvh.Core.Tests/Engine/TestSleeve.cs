using Alvh.Engine;

namespace Alvh.Core.Tests.Engine;

/// <summary>
/// The plain members of <see cref="ISleeve"/> for the engine tests' scripted sleeves (a name, an allocation, dividends
/// in cash, no parameters), so that each writes only its rule.
/// </summary>
internal abstract class TestSleeve(string name, double allocation = 1, bool wholeShares = true) : ISleeve
{
    public string Name => name;

    public double Allocation => allocation;

    public DividendPolicy Dividends => DividendPolicy.Cash;

    public bool WholeShares => wholeShares;

    public IReadOnlyList<Assumption> Parameters => [];

    public abstract void Decide(SleeveContext context, List<Intent> intents);
}
