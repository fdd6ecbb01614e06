namespace Alvh.Model;

/// <summary>Outcome of <see cref="SurfaceChecks.Check"/>.</summary>
/// <param name="Checks">Number of inequalities tested.</param>
/// <param name="Violations">Number that failed beyond tolerance.</param>
/// <param name="FirstViolation">Description of the first failure, or null.</param>
public sealed record SurfaceCheckResult(int Checks, int Violations, string? FirstViolation)
{
    /// <summary>True when nothing failed.</summary>
    public bool Passed => Violations == 0;
}
