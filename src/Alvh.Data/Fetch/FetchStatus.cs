namespace Alvh.Data.Fetch;

/// <summary>Outcome of one file (or one part of a combined file) in a fetch.</summary>
public enum FetchStatus
{
    /// <summary>Downloaded, validated and moved over the previous file (or created).</summary>
    Written,

    /// <summary>Downloaded and validated, but byte-identical to the existing file, which was left alone.</summary>
    Unchanged,

    /// <summary>The server answered 404: the VX contract is not (or not yet) listed. Not a failure.</summary>
    NotListed,

    /// <summary>A part of a combined file (one VX contract) that was downloaded and merged; it is not a file of its own.</summary>
    Downloaded,

    /// <summary>Download, conversion or validation failed; any existing file is untouched.</summary>
    Failed,
}
