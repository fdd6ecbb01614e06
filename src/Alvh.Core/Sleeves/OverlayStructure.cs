namespace Alvh.Sleeves;

/// <summary>What an <see cref="OptionOverlaySleeve"/> trades at each roll.</summary>
public enum OverlayStructure
{
    /// <summary>One short SPX put (Cboe PUT, WPUT).</summary>
    ShortPut,

    /// <summary>One short SPX call (Cboe BXM, over a long index position).</summary>
    ShortCall,

    /// <summary>Short put and call at the short delta, long put and call at the wing delta (Cboe CNDR).</summary>
    ShortIronCondor,

    /// <summary>One long VIX call (Cboe VXTH, over a long index position).</summary>
    LongVixCall,
}
