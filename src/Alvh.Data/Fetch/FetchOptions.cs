namespace Alvh.Data.Fetch;

/// <summary>
/// Everything a fetch needs, bound by the CLI from <c>alvh data fetch</c>. Time is injected
/// (<see cref="TimeProvider"/>, <see cref="Today"/>): the fetcher never reads a global clock.
/// </summary>
/// <param name="DataFolder">Folder the files are written to; created when missing.</param>
public sealed record FetchOptions(string DataFolder)
{
    /// <summary>
    /// Base URL of a mirror, or null to use the public URLs. Every <c>https://host/path?query</c>
    /// becomes <c>{Mirror}/host/path?query</c> (see <see cref="UrlMirror"/>).
    /// </summary>
    public string? Mirror { get; init; }

    /// <summary>Source names to fetch (see <see cref="SourceCatalog"/>), or null/empty for all.</summary>
    public IReadOnlyList<string>? Only { get; init; }

    /// <summary>Timeout of one HTTP request, from sending it to the last body byte. Default 60 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Requests per URL at most, the first included (so 1 means no retry). Default 4.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>
    /// Delay before the first retry; retry n waits <c>BaseDelay × 2^(n−1)</c> plus up to 50 % jitter.
    /// Default 1 s; tests use a millisecond.
    /// </summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Seed of the jitter generator, so retry delays are reproducible. Default 0.</summary>
    public int JitterSeed { get; init; }

    /// <summary>
    /// The current date in New York, which bounds the VX contracts requested (through nine months
    /// ahead); null to derive it from <see cref="TimeProvider"/>.
    /// </summary>
    public DateOnly? Today { get; init; }

    /// <summary>Clock for the Yahoo <c>period2</c>, backoff delays and request timeouts. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>HTTP client to use (not disposed by the fetcher); its own timeout also applies. Null to create one.</summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>Handler for the client the fetcher creates when <see cref="HttpClient"/> is null (not disposed by the fetcher).</summary>
    public HttpMessageHandler? HttpMessageHandler { get; init; }

    /// <summary>
    /// Extra check of a downloaded file before it replaces the target: called with the temporary
    /// file's path and the target file name; returns an error message, or null when the file is good.
    /// </summary>
    public Func<string, string, string?>? Validate { get; init; }

    /// <summary>First VX contract month requested (the day is ignored). Default January 2013, where Cboe's per-contract files start.</summary>
    public DateOnly VxFirstContractMonth { get; init; } = new(2013, 1, 1);

    /// <summary>Months after the current one through which VX contracts are requested. Default 9.</summary>
    public int VxMonthsAhead { get; init; } = 9;
}
