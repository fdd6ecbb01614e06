using System.Globalization;
using System.Text;

namespace Alvh.Model;

/// <summary>
/// The fit of the VX futures model F(τ) = θ + (VIX − θ)e^{−κτ} (τ in years) and its errors:
/// in sample on the fit window and out of sample, by tenor bucket, on the test window.
/// </summary>
/// <param name="Theta">Long-run level θ, VIX points.</param>
/// <param name="Kappa">Mean-reversion speed κ, per year.</param>
/// <param name="FitFrom">First trade date of the fit window.</param>
/// <param name="FitTo">Last trade date of the fit window.</param>
/// <param name="FitCount">Settles fitted.</param>
/// <param name="FitRmse">In-sample RMSE, VIX points.</param>
/// <param name="TestFrom">First trade date of the test window.</param>
/// <param name="TestTo">Last trade date of the test window.</param>
/// <param name="TestBuckets">Out-of-sample errors by days to expiry.</param>
public sealed record VxFitReport(double Theta, double Kappa, DateOnly FitFrom, DateOnly FitTo, int FitCount, double FitRmse,
    DateOnly TestFrom, DateOnly TestTo, IReadOnlyList<VxTenorBucketError> TestBuckets)
{
    /// <summary>
    /// The first and last trade dates whose settles were fitted: the window's dates where the data hold settles, later or
    /// earlier where they do not (a folder from <c>data fetch</c> holds VX settles from 2013 only; the study said "fitted
    /// on 2007-2015 settles" of it).
    /// </summary>
    public DateOnly FirstFitted { get; init; }

    /// <summary>The last trade date fitted (<see cref="FirstFitted"/>).</summary>
    public DateOnly LastFitted { get; init; }

    /// <summary>A printable multi-line summary.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.Append(c, $"VX model F = theta + (VIX - theta) e^(-kappa tau): theta = {Theta:0.000} pts, kappa = {Kappa:0.000}/yr (half-life {Math.Log(2) / Kappa * 365:0} days)\n");
        sb.Append(c, $"fit {FitFrom:yyyy-MM-dd}..{FitTo:yyyy-MM-dd}: {FitCount} settles, RMSE {FitRmse:0.000} pts\n");
        sb.Append(c, $"out of sample {TestFrom:yyyy-MM-dd}..{TestTo:yyyy-MM-dd}:\n");
        foreach (var b in TestBuckets)
        {
            sb.Append(c, $"  {b.FromDays,3}-{b.ToDays,-3} days: n = {b.Count,5}, mean error {b.MeanError,6:+0.000;-0.000}, RMSE {b.Rmse:0.000} pts\n");
        }
        return sb.ToString();
    }
}
