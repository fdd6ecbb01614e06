namespace Alvh.Pricing;

/// <summary>A real function of one variable, implemented by structs so the solver inlines it.</summary>
internal interface IScalarFunction
{
    /// <summary>Value at <paramref name="x"/>.</summary>
    double Evaluate(double x);
}
