namespace Alvh.Engine;

/// <summary>
/// A portfolio component: reads the market as of today's close and its own holdings, and returns
/// intents. It never touches the ledger.
/// </summary>
public interface ISleeve
{
    /// <summary>Sleeve name (column in daily.csv, key in the ledger).</summary>
    string Name { get; }

    /// <summary>Fraction of the initial capital given to this sleeve.</summary>
    double Allocation { get; }

    /// <summary>What the sleeve does with dividends of shares it holds.</summary>
    DividendPolicy Dividends { get; }

    /// <summary>Whole shares only when reinvesting dividends (residual cash kept) instead of fractional shares.</summary>
    bool WholeShares { get; }

    /// <summary>Decides at the close of <see cref="SleeveContext.Day"/>; appends intents.</summary>
    void Decide(SleeveContext context, List<Intent> intents);

    /// <summary>The sleeve's parameters (name, value, unit, reason) for reports.</summary>
    IReadOnlyList<Assumption> Parameters { get; }
}
