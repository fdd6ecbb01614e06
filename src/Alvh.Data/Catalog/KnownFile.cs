namespace Alvh.Data.Catalog;

/// <summary>The kinds of file the catalog reads.</summary>
public enum FileFormat
{
    /// <summary>Cboe index history (OHLC or one value).</summary>
    CboeIndex,

    /// <summary>FRED <c>DATE,VALUE</c>.</summary>
    Fred,

    /// <summary>Yahoo-style daily OHLCV.</summary>
    YahooOhlcv,

    /// <summary>Dividend list.</summary>
    Dividends,

    /// <summary>Shiller monthly S&amp;P data.</summary>
    Shiller,

    /// <summary>VX futures per contract, long form.</summary>
    VxContracts,

    /// <summary>Continuous VX1..VXn.</summary>
    VxContinuous,

    /// <summary>Event calendar (FOMC meetings or date,event).</summary>
    Events,

    /// <summary>Market breadth: date, advances, declines.</summary>
    Breadth,
}

/// <summary>A file the catalog recognised: its series id and format.</summary>
/// <param name="Path">Full path.</param>
/// <param name="File">File name.</param>
/// <param name="Id">Series id.</param>
/// <param name="Format">Format to read it with.</param>
public sealed record KnownFile(string Path, string File, string Id, FileFormat Format);
