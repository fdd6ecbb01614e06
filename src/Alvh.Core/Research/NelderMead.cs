namespace Alvh.Research;

/// <summary>
/// The Nelder–Mead downhill simplex (J. A. Nelder and R. Mead, "A simplex method for function minimization", The
/// Computer Journal 7 (1965) 308–313), with the standard coefficients of Lagarias, Reeds, Wright and Wright (SIAM J.
/// Optim. 9 (1998) 112–147): reflection 1, expansion 2, contraction ½, shrink ½. For a few parameters and an objective
/// without derivatives (here a simulated one); deterministic for a deterministic objective.
/// </summary>
public static class NelderMead
{
    /// <summary>
    /// Minimises <paramref name="objective"/> from <paramref name="start"/>, the first simplex stepping
    /// <paramref name="step"/> along each axis; stops when the simplex's values are within <paramref name="tolerance"/> of
    /// each other or once <paramref name="maxEvaluations"/> evaluations are made (the step under way finishes: a shrink
    /// may add up to n more). Returns the best point, its value and the evaluations made. NaN counts as worst.
    /// </summary>
    public static (double[] Point, double Value, int Evaluations) Minimize(Func<double[], double> objective, double[] start, double step, double tolerance = 1e-8, int maxEvaluations = 500)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(start);
        int n = start.Length;
        if (n == 0) throw new ArgumentException("at least one parameter", nameof(start));
        var simplex = new double[n + 1][];
        var values = new double[n + 1];
        int evaluations = 0;
        double Evaluate(double[] x)
        {
            evaluations++;
            double v = objective(x);
            return double.IsNaN(v) ? double.PositiveInfinity : v;
        }
        for (int i = 0; i <= n; i++)
        {
            simplex[i] = (double[])start.Clone();
            if (i > 0) simplex[i][i - 1] += step;
            values[i] = Evaluate(simplex[i]);
        }
        var order = new int[n + 1];
        var centroid = new double[n];
        while (evaluations < maxEvaluations)
        {
            for (int i = 0; i <= n; i++) order[i] = i;
            // Ties are broken by slot (a vertex replaced takes the worst one's slot), so the run is deterministic.
            Array.Sort(order, (a, b) => values[a] != values[b] ? values[a].CompareTo(values[b]) : a.CompareTo(b));
            int best = order[0], worst = order[n], second = order[n - 1];
            if (Math.Abs(values[worst] - values[best]) <= tolerance) break;
            Array.Clear(centroid);
            for (int i = 0; i < n; i++)
            {
                var vertex = simplex[order[i]];
                for (int d = 0; d < n; d++) centroid[d] += vertex[d] / n;
            }
            double[] Along(double t)
            {
                var x = new double[n];
                for (int d = 0; d < n; d++) x[d] = centroid[d] + t * (simplex[worst][d] - centroid[d]);
                return x;
            }
            var reflected = Along(-1);
            double reflectedValue = Evaluate(reflected);
            if (reflectedValue < values[best])
            {
                var expanded = Along(-2);
                double expandedValue = Evaluate(expanded);
                (simplex[worst], values[worst]) = expandedValue < reflectedValue ? (expanded, expandedValue) : (reflected, reflectedValue);
                continue;
            }
            if (reflectedValue < values[second])
            {
                (simplex[worst], values[worst]) = (reflected, reflectedValue);
                continue;
            }
            // Contract outside (between the centroid and the reflection) or inside (towards the worst vertex).
            bool outside = reflectedValue < values[worst];
            var contracted = Along(outside ? -0.5 : 0.5);
            double contractedValue = Evaluate(contracted);
            // Accepted when no worse than the reflection (outside) or better than the worst vertex (inside), as Lagarias et al.
            if (outside ? contractedValue <= reflectedValue : contractedValue < values[worst])
            {
                (simplex[worst], values[worst]) = (contracted, contractedValue);
                continue;
            }
            // Shrink every vertex halfway towards the best.
            for (int i = 0; i <= n; i++)
            {
                if (i == best) continue;
                for (int d = 0; d < n; d++) simplex[i][d] = simplex[best][d] + 0.5 * (simplex[i][d] - simplex[best][d]);
                values[i] = Evaluate(simplex[i]);
            }
        }
        int winner = 0;
        for (int i = 1; i <= n; i++)
        {
            if (values[i] < values[winner]) winner = i;
        }
        return (simplex[winner], values[winner], evaluations);
    }
}
