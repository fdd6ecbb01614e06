namespace Alvh.Data.Fetch;

/// <summary>What a fetch did, one entry per file of the data folder, in catalog order.</summary>
/// <param name="DataFolder">The folder written to (full path).</param>
/// <param name="Files">Per-file outcomes.</param>
public sealed record FetchReport(string DataFolder, IReadOnlyList<FetchFileResult> Files)
{
    /// <summary>True when no file failed (not-listed VX contracts are not failures).</summary>
    public bool Succeeded => Files.All(f => f.Succeeded);

    /// <summary>The files that failed.</summary>
    public IEnumerable<FetchFileResult> Failures => Files.Where(f => !f.Succeeded);
}
