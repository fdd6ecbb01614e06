using Alvh.Data.Fetch;

namespace Alvh.Data.Tests.Fetch;

public class HttpDownloaderTests
{
    [Fact]
    public void Backoff_DoublesPerAttemptWithAtMostHalfJitterAndIsReproducible()
    {
        using var client = new HttpClient();
        var baseDelay = TimeSpan.FromMilliseconds(100);
        HttpDownloader Make() => new(client, TimeSpan.FromSeconds(1), 5, baseDelay, new Random(42), TimeProvider.System);
        var first = Make();
        var second = Make();

        var delays = Enumerable.Range(1, 4).Select(first.Backoff).ToList();

        delays.Should().Equal(Enumerable.Range(1, 4).Select(second.Backoff), "the jitter generator is seeded");
        for (int attempt = 1; attempt <= 4; attempt++)
        {
            var nominal = baseDelay * Math.Pow(2, attempt - 1);
            delays[attempt - 1].Should().BeGreaterThanOrEqualTo(nominal).And.BeLessThanOrEqualTo(nominal * 1.5);
        }
    }
}
