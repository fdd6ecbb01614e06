namespace Alvh.Data.Strategies;

/// <summary>A strategy file that cannot be used; every error names its key path, line and the allowed values.</summary>
public sealed class StrategyFileException(string file, IReadOnlyList<string> errors)
    : Exception($"{file}: {errors.Count} error{(errors.Count == 1 ? "" : "s")}:\n  " + string.Join("\n  ", errors))
{
    /// <summary>The file.</summary>
    public string File { get; } = file;

    /// <summary>Each error: <c>line N: key.path: reason</c>.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}
