namespace Alvh.Data.Fetch;

/// <summary>Where a source is in its fetch, as reported through <see cref="FetchProgress"/>.</summary>
public enum FetchState
{
    /// <summary>A request is about to be sent.</summary>
    Started,

    /// <summary>Body bytes are arriving.</summary>
    Downloading,

    /// <summary>The last attempt failed with a retryable error; waiting for the backoff delay.</summary>
    Retrying,

    /// <summary>The download is complete; converting and validating the temporary file.</summary>
    Validating,

    /// <summary>The file was written.</summary>
    Written,

    /// <summary>The file was already up to date.</summary>
    Unchanged,

    /// <summary>The resource is not listed (404 on a VX contract).</summary>
    NotListed,

    /// <summary>The source failed; the message is in the report.</summary>
    Failed,
}
