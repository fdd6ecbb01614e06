namespace Alvh.Data.Fetch;

/// <summary>
/// One progress notification of a fetch. Byte counts are of the current request's body; for the
/// VX source, <paramref name="Part"/> names the contract file being downloaded.
/// </summary>
/// <param name="Source">Source name, e.g. <c>vix</c>, <c>dtb3</c>, <c>vx</c>.</param>
/// <param name="File">Target file name in the data folder, e.g. <c>vix-daily.csv</c>.</param>
/// <param name="State">Where the source is in its fetch.</param>
/// <param name="BytesReceived">Body bytes received so far by the current request.</param>
/// <param name="TotalBytes">Body length announced by the server (Content-Length), or null when unknown.</param>
/// <param name="Attempt">1-based attempt number of the current request.</param>
/// <param name="Part">The part being fetched for a combined file (e.g. <c>VX_2024-12-18.csv</c>), otherwise null.</param>
public readonly record struct FetchProgress(
    string Source,
    string File,
    FetchState State,
    long BytesReceived,
    long? TotalBytes,
    int Attempt,
    string? Part = null);
