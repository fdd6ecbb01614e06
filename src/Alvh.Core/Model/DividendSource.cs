namespace Alvh.Model;

/// <summary>Where a day's SPX dividend yield came from.</summary>
public enum DividendSource
{
    /// <summary>No yield available.</summary>
    None = 0,
    /// <summary>Trailing 12-month SPY distributions over the SPY close.</summary>
    SpyTrailing = 1,
    /// <summary>Shiller's trailing 12-month S&amp;P dividend over the monthly average price.</summary>
    Shiller = 2,
}
