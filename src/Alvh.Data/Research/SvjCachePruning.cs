namespace Alvh.Data.Research;

/// <summary>What <see cref="SvjCalibrationCache.Prune"/> did.</summary>
/// <param name="Removed">The files removed (full paths).</param>
/// <param name="Problems">What could not be done, each naming its file or the folder (the run goes on without it).</param>
public sealed record SvjCachePruning(IReadOnlyList<string> Removed, IReadOnlyList<string> Problems);
