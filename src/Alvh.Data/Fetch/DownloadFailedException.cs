namespace Alvh.Data.Fetch;

/// <summary>A download that failed for good: a 4xx answer, or retries exhausted. The message names the URL.</summary>
internal sealed class DownloadFailedException(string url, string reason, int attempts, int? statusCode)
    : Exception($"{url}: {reason} ({attempts} attempt{(attempts == 1 ? "" : "s")})")
{
    public string Url { get; } = url;

    public int Attempts { get; } = attempts;

    public int? StatusCode { get; } = statusCode;
}
