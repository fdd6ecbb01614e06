namespace Alvh.Regimes;

/// <summary>Shape of the VIX term structure between a nearer and a farther point.</summary>
public enum TermStructureState
{
    /// <summary>Either point missing (NaN) or not positive.</summary>
    Unknown,

    /// <summary>Farther above nearer (upward sloping): the usual calm-market shape.</summary>
    Contango,

    /// <summary>Within the flat tolerance of each other.</summary>
    Flat,

    /// <summary>Nearer above farther (inverted): typical of stress.</summary>
    Backwardation,
}
