using System.Globalization;

namespace Alvh.Model;

/// <summary>
/// The mean-reverting variance term structure used for the VIX9D, VIX3M and VIX6M pillars on
/// days before those indices exist, fitted on the days where all four pillars exist:
/// σ²(T) = θ + (VIX² − θ) · g(κT)/g(κ·30d), g(x) = (1 − e^{−x})/x, θ = (LongRunMultiple · m)²,
/// where m is the trailing mean of VIX (see <see cref="SurfaceParameters.TrailingVixDays"/>).
/// </summary>
/// <remarks>
/// g(κT) is the average over [0, T] of a variance that reverts at rate κ towards θ (the
/// Heston/Ornstein–Uhlenbeck expected variance); dividing by g(κ·30d) anchors the curve so that
/// it returns VIX exactly at 30 days. For a fixed κ the model is linear in θ in variance space,
/// so θ's multiple is solved in closed form and κ by golden-section search on the RMSE in vol
/// points — deterministic, so the fit is reproducible. Vols here are index levels (points).
/// </remarks>
/// <param name="LongRunMultiple">θ = (LongRunMultiple × trailing mean VIX)², dimensionless.</param>
/// <param name="Kappa">Mean-reversion speed of variance, per year.</param>
/// <param name="Days">Days used in the fit.</param>
/// <param name="RmseVix9d">RMSE of the fitted VIX9D, index points.</param>
/// <param name="RmseVix3m">RMSE of the fitted VIX3M, index points.</param>
/// <param name="RmseVix6m">RMSE of the fitted VIX6M, index points.</param>
/// <param name="MeanErrorVix9d">Mean of model − actual VIX9D, points.</param>
/// <param name="MeanErrorVix3m">Mean of model − actual VIX3M, points.</param>
/// <param name="MeanErrorVix6m">Mean of model − actual VIX6M, points.</param>
public sealed record VarianceTermStructureFit(double LongRunMultiple, double Kappa, int Days,
    double RmseVix9d, double RmseVix3m, double RmseVix6m, double MeanErrorVix9d, double MeanErrorVix3m, double MeanErrorVix6m)
{
    /// <summary>Model variance-swap level (index points) at <paramref name="days"/> calendar days from VIX and its trailing mean (points).</summary>
    public double Level(double vix, double trailingMeanVix, double days) => Level(vix, trailingMeanVix, days, LongRunMultiple, Kappa);

    /// <summary>The fit as one line, e.g. for logs and reports.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "theta = ({0:0.0000} x trailing mean VIX)^2, kappa = {1:0.000}/yr, {2} days; RMSE 9d/93d/186d = {3:0.00}/{4:0.00}/{5:0.00} pts, bias {6:+0.00;-0.00}/{7:+0.00;-0.00}/{8:+0.00;-0.00}",
        LongRunMultiple, Kappa, Days, RmseVix9d, RmseVix3m, RmseVix6m, MeanErrorVix9d, MeanErrorVix3m, MeanErrorVix6m);

    /// <summary>The model level for explicit parameters (points).</summary>
    public static double Level(double vix, double trailingMeanVix, double days, double longRunMultiple, double kappa)
    {
        double theta = longRunMultiple * longRunMultiple * trailingMeanVix * trailingMeanVix;
        double ratio = Ratio(kappa, days);
        double variance = theta + (vix * vix - theta) * ratio;
        return Math.Sqrt(Math.Max(variance, 0.0));
    }

    /// <summary>
    /// Fits the model on every index where VIX, VIX9D, VIX3M, VIX6M and the trailing mean are all
    /// finite. All spans have one value per trading day, in index points.
    /// </summary>
    public static VarianceTermStructureFit Fit(ReadOnlySpan<double> vix, ReadOnlySpan<double> vix9d, ReadOnlySpan<double> vix3m,
        ReadOnlySpan<double> vix6m, ReadOnlySpan<double> trailingMean)
    {
        var rows = new List<int>();
        for (int i = 0; i < vix.Length; i++)
        {
            if (double.IsFinite(vix[i]) && double.IsFinite(vix9d[i]) && double.IsFinite(vix3m[i]) && double.IsFinite(vix6m[i]) && double.IsFinite(trailingMean[i]))
            {
                rows.Add(i);
            }
        }
        if (rows.Count == 0) throw new InvalidOperationException("no day has all four VIX pillars: the term structure cannot be fitted");
        var data = new Sample(vix.ToArray(), vix9d.ToArray(), vix3m.ToArray(), vix6m.ToArray(), trailingMean.ToArray(), rows);
        // Golden-section search on ln κ over [0.05, 50] per year.
        double a = Math.Log(0.05), b = Math.Log(50.0);
        double invPhi = (Math.Sqrt(5.0) - 1.0) / 2.0;
        double c = b - invPhi * (b - a), d = a + invPhi * (b - a);
        double fc = data.Rmse(Math.Exp(c)), fd = data.Rmse(Math.Exp(d));
        for (int iter = 0; iter < 60; iter++)
        {
            if (fc < fd) { b = d; d = c; fd = fc; c = b - invPhi * (b - a); fc = data.Rmse(Math.Exp(c)); }
            else { a = c; c = d; fc = fd; d = a + invPhi * (b - a); fd = data.Rmse(Math.Exp(d)); }
        }
        double kappa = Math.Exp((a + b) / 2.0);
        double multiple = data.Multiple(kappa);
        Span<double> rmse = stackalloc double[3];
        Span<double> bias = stackalloc double[3];
        data.Errors(multiple, kappa, rmse, bias);
        return new VarianceTermStructureFit(multiple, kappa, rows.Count, rmse[0], rmse[1], rmse[2], bias[0], bias[1], bias[2]);
    }

    /// <summary>g(κT)/g(κ·30d) with g(x) = (1 − e^{−x})/x.</summary>
    private static double Ratio(double kappa, double days) => G(kappa * days / 365.0) / G(kappa * 30.0 / 365.0);

    private static double G(double x) => x < 1e-6 ? 1.0 - x / 2.0 : (1.0 - Math.Exp(-x)) / x;

    private sealed record Sample(double[] Vix, double[] Vix9d, double[] Vix3m, double[] Vix6m, double[] Mean, List<int> Rows)
    {
        private static readonly double[] PillarDays = [9.0, 93.0, 186.0];

        private double Observed(int pillar, int i) => pillar switch { 0 => Vix9d[i], 1 => Vix3m[i], _ => Vix6m[i] };

        /// <summary>Closed-form least squares of α² in variance space for a given κ.</summary>
        public double Multiple(double kappa)
        {
            double sxy = 0.0, sxx = 0.0;
            for (int p = 0; p < 3; p++)
            {
                double h = Ratio(kappa, PillarDays[p]);
                foreach (int i in Rows)
                {
                    double v = Vix[i] * Vix[i];
                    double o = Observed(p, i);
                    double y = o * o - v * h;
                    double x = Mean[i] * Mean[i] * (1.0 - h);
                    sxy += x * y;
                    sxx += x * x;
                }
            }
            return Math.Sqrt(Math.Max(sxy / sxx, 0.0));
        }

        public double Rmse(double kappa)
        {
            Span<double> rmse = stackalloc double[3];
            Span<double> bias = stackalloc double[3];
            Errors(Multiple(kappa), kappa, rmse, bias);
            return Math.Sqrt((rmse[0] * rmse[0] + rmse[1] * rmse[1] + rmse[2] * rmse[2]) / 3.0);
        }

        public void Errors(double multiple, double kappa, Span<double> rmse, Span<double> bias)
        {
            for (int p = 0; p < 3; p++)
            {
                double sum = 0.0, sumSq = 0.0;
                foreach (int i in Rows)
                {
                    double e = Level(Vix[i], Mean[i], PillarDays[p], multiple, kappa) - Observed(p, i);
                    sum += e;
                    sumSq += e * e;
                }
                rmse[p] = Math.Sqrt(sumSq / Rows.Count);
                bias[p] = sum / Rows.Count;
            }
        }
    }
}
