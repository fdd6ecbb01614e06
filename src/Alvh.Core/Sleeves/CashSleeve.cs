using Alvh.Engine;

namespace Alvh.Sleeves;

/// <summary>Cash: earns the T-bill rate (the engine pays interest on every sleeve's cash) and trades nothing.</summary>
public sealed class CashSleeve(string name = "cash", double allocation = 0) : ISleeve
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public double Allocation { get; } = allocation;

    /// <inheritdoc />
    public DividendPolicy Dividends => DividendPolicy.Cash;

    /// <inheritdoc />
    public bool WholeShares => false;

    /// <inheritdoc />
    public IReadOnlyList<Assumption> Parameters => [new("rate", "T-bill (DTB3)", "annual", "cash earns the 3-month bill rate")];

    /// <inheritdoc />
    public void Decide(SleeveContext context, List<Intent> intents)
    {
    }
}
