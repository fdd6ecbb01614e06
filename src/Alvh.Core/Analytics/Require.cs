namespace Alvh.Analytics;

/// <summary>Argument checks shared by the analytics functions.</summary>
internal static class Require
{
    public static void SameLength(int expected, int actual, string name)
    {
        if (actual != expected) throw new ArgumentException($"length {actual} differs from the expected length {expected}", name);
    }

    public static void AtLeast(int length, int minimum, string name)
    {
        if (length < minimum) throw new ArgumentException($"needs at least {minimum} values, got {length}", name);
    }

    public static void Positive(int value, string name)
    {
        if (value < 1) throw new ArgumentOutOfRangeException(name, value, "must be at least 1");
    }

    public static void Window(int window, int minimum, string name)
    {
        if (window < minimum) throw new ArgumentOutOfRangeException(name, window, $"must be at least {minimum}");
    }

    public static void Probability(double confidence, string name)
    {
        if (!(confidence > 0.0 && confidence < 1.0)) throw new ArgumentOutOfRangeException(name, confidence, "must be in (0, 1)");
    }

    /// <summary>Empty means "zero risk-free rate"; otherwise the span must match the returns.</summary>
    public static void RiskFree(int returnsLength, int riskFreeLength, string name)
    {
        if (riskFreeLength != 0 && riskFreeLength != returnsLength)
            throw new ArgumentException($"length {riskFreeLength} is neither 0 (zero rate) nor the returns' length {returnsLength}", name);
    }
}
