namespace Alvh.Indicators;

/// <summary>Argument checks shared by the indicators.</summary>
internal static class Guard
{
    public static void Period(int period, int minimum, string name)
    {
        if (period < minimum) throw new ArgumentOutOfRangeException(name, period, $"must be at least {minimum}");
    }

    public static void SameLength(int expected, int actual, string name)
    {
        if (actual != expected) throw new ArgumentException($"length {actual} differs from the input length {expected}", name);
    }
}
