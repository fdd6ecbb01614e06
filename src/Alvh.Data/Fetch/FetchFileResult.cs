namespace Alvh.Data.Fetch;

/// <summary>
/// The outcome for one file of the data folder (or, inside <see cref="Parts"/>, for one
/// downloaded part of a combined file such as a VX contract).
/// </summary>
/// <param name="Source">Source name, e.g. <c>vix</c>.</param>
/// <param name="Name">File name: the target in the data folder, or the part's remote name (e.g. <c>VX_2024-12-18.csv</c>).</param>
/// <param name="Url">URL requested (after the mirror rewrite, when one is set); for a combined file the URL template.</param>
/// <param name="Status">What happened.</param>
/// <param name="Bytes">Size in bytes of the file written (or that would have been written), or of the part downloaded; 0 on failure.</param>
/// <param name="Rows">Data rows (lines after the header) in the file; 0 when unknown or on failure.</param>
/// <param name="Attempts">HTTP requests made, retries included (summed over the parts for a combined file; 0 for the second file converted from one shared Yahoo response).</param>
/// <param name="Error">Why the file failed, naming the URL and the HTTP status or error; null otherwise.</param>
/// <param name="DroppedRows">Source rows left out by the conversion (Yahoo bars with a null price); 0 for byte-for-byte files.</param>
/// <param name="Parts">Per-part outcomes of a combined file (one per VX contract), otherwise empty.</param>
public sealed record FetchFileResult(
    string Source,
    string Name,
    string Url,
    FetchStatus Status,
    long Bytes,
    int Rows,
    int Attempts,
    string? Error,
    int DroppedRows,
    IReadOnlyList<FetchFileResult> Parts)
{
    /// <summary>True unless the status is <see cref="FetchStatus.Failed"/>.</summary>
    public bool Succeeded => Status != FetchStatus.Failed;
}
