namespace Alvh.Regimes;

/// <summary>VIX level band (see <see cref="VixRegimeBands"/> for the thresholds).</summary>
public enum VixRegime
{
    /// <summary>VIX missing (NaN).</summary>
    Unknown,

    /// <summary>Below the calm threshold (default VIX &lt; 15).</summary>
    Calm,

    /// <summary>Default 15 ≤ VIX &lt; 20.</summary>
    Normal,

    /// <summary>Default 20 ≤ VIX &lt; 25.</summary>
    Elevated,

    /// <summary>Default 25 ≤ VIX &lt; 35.</summary>
    High,

    /// <summary>Default VIX ≥ 35.</summary>
    Extreme,
}
