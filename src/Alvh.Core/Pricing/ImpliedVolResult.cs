namespace Alvh.Pricing;

/// <summary>Result of an implied-volatility solve.</summary>
/// <param name="Vol">
/// Implied volatility, annualised fraction; NaN unless <paramref name="Status"/> is
/// <see cref="ImpliedVolStatus.Ok"/>. A price exactly at intrinsic value gives 0.
/// </param>
/// <param name="Status">Why the solve succeeded or failed.</param>
/// <param name="Iterations">Newton/bisection iterations used (0 when rejected up front).</param>
public readonly record struct ImpliedVolResult(double Vol, ImpliedVolStatus Status, int Iterations)
{
    /// <summary>True when <see cref="Status"/> is <see cref="ImpliedVolStatus.Ok"/>.</summary>
    public bool IsOk => Status == ImpliedVolStatus.Ok;

    /// <summary>A failed result with NaN volatility.</summary>
    internal static ImpliedVolResult Fail(ImpliedVolStatus status, int iterations = 0) => new(double.NaN, status, iterations);
}
