namespace Alvh.Data.Tests.Fetch;

/// <summary>A clock stopped at one instant; timers and delays still run in real time.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
