using Alvh.Research;

namespace Alvh.Core.Tests.Research;

public class NelderMeadTests
{
    [Fact]
    public void Finds_the_minimum_of_rosenbrock_s_valley_from_the_classic_start()
    {
        // Rosenbrock's function (100 (y - x^2)^2 + (1 - x)^2; The Computer Journal 3 (1960) 175-184) from (-1.2, 1), the
        // start Nelder and Mead used (1965, section 4): its minimum is 0 at (1, 1).
        static double Rosenbrock(double[] p) => 100 * Math.Pow(p[1] - p[0] * p[0], 2) + Math.Pow(1 - p[0], 2);
        var (point, value, evaluations) = NelderMead.Minimize(Rosenbrock, [-1.2, 1], step: 0.5, tolerance: 1e-14, maxEvaluations: 5000);
        point[0].Should().BeApproximately(1, 1e-4);
        point[1].Should().BeApproximately(1, 1e-4);
        value.Should().BeLessThan(1e-8);
        evaluations.Should().BeLessThan(5000, "it converged before the budget");
    }

    [Fact]
    public void Minimises_a_shifted_quadratic_and_is_deterministic()
    {
        // A convex quadratic with its minimum 3 at (1, -2, 0.5): any descent method must land there.
        static double Bowl(double[] p) => 3 + Math.Pow(p[0] - 1, 2) + 4 * Math.Pow(p[1] + 2, 2) + 0.5 * Math.Pow(p[2] - 0.5, 2) + 0.3 * (p[0] - 1) * (p[1] + 2);
        var first = NelderMead.Minimize(Bowl, [0, 0, 0], step: 1, tolerance: 1e-16, maxEvaluations: 4000);
        first.Point[0].Should().BeApproximately(1, 1e-5);
        first.Point[1].Should().BeApproximately(-2, 1e-5);
        first.Point[2].Should().BeApproximately(0.5, 1e-4);
        first.Value.Should().BeApproximately(3, 1e-9);
        var second = NelderMead.Minimize(Bowl, [0, 0, 0], step: 1, tolerance: 1e-16, maxEvaluations: 4000);
        second.Point.Should().Equal(first.Point);
        second.Evaluations.Should().Be(first.Evaluations);
    }

    [Fact]
    public void Stops_at_its_budget_and_treats_nan_as_worst()
    {
        // x^2, undefined (NaN) below -1. From 3 with a step of 5 the first reflection lands at -2: NaN, so worst; the
        // simplex contracts instead and still finds 0.
        int calls = 0, nans = 0;
        double F(double[] p)
        {
            calls++;
            if (p[0] < -1)
            {
                nans++;
                return double.NaN;
            }
            return p[0] * p[0];
        }
        var (point, value, evaluations) = NelderMead.Minimize(F, [3], step: 5, tolerance: 1e-12, maxEvaluations: 200);
        evaluations.Should().Be(calls);
        nans.Should().BeGreaterThan(0, "the first reflection is in the NaN region");
        point[0].Should().BeApproximately(0, 1e-5);
        value.Should().BeLessThan(1e-10);
        var capped = NelderMead.Minimize(F, [3], step: 5, tolerance: 0, maxEvaluations: 10);
        capped.Evaluations.Should().BeInRange(10, 11, "a step under way finishes: one more evaluation at most in one dimension");
    }
}
