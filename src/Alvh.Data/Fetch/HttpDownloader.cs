using System.Net;

namespace Alvh.Data.Fetch;

/// <summary>Outcome of a download that did not fail: the body was copied, or the server said 404.</summary>
/// <param name="NotFound">The server answered 404.</param>
/// <param name="Attempts">Requests made.</param>
/// <param name="Bytes">Body bytes copied.</param>
internal readonly record struct DownloadOutcome(bool NotFound, int Attempts, long Bytes);

/// <summary>
/// GETs a URL into a stream with a per-request timeout and retries. Retried: 5xx, 408 and 429 answers,
/// timeouts, connection errors and bodies shorter than their Content-Length. Not retried: 404
/// (returned as <see cref="DownloadOutcome.NotFound"/>) and other 4xx (thrown). Retry n waits
/// <c>baseDelay × 2^(n−1) × (1 + 0.5 u)</c>, u from the seeded jitter generator, or the server's
/// Retry-After when longer (at most <see cref="MaxRetryAfter"/> and the request timeout).
/// </summary>
internal sealed class HttpDownloader(
    HttpClient client,
    TimeSpan timeout,
    int maxAttempts,
    TimeSpan baseDelay,
    Random jitter,
    TimeProvider time)
{
    // Some hosts (Yahoo) refuse requests without a browser-like agent.
    private const string UserAgent = "Mozilla/5.0 (compatible; Alvh data fetch)";

    /// <summary>The longest Retry-After honoured: a server asking for more is retried after this.</summary>
    internal static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    /// <summary>Progress callback: state, bytes received, total bytes if known, attempt.</summary>
    public delegate void ProgressCallback(FetchState state, long bytesReceived, long? totalBytes, int attempt);

    /// <summary>
    /// Downloads <paramref name="url"/> into <paramref name="destination"/>, which is truncated
    /// before each attempt. Throws <see cref="DownloadFailedException"/> on a non-retryable answer
    /// or when attempts are exhausted; <see cref="OperationCanceledException"/> when
    /// <paramref name="ct"/> is cancelled.
    /// </summary>
    public async Task<DownloadOutcome> DownloadAsync(string url, Stream destination, ProgressCallback? progress, CancellationToken ct)
    {
        string lastError = "no attempt made";
        int? lastStatus = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++)
        {
            TimeSpan? retryAfter = null;
            ct.ThrowIfCancellationRequested();
            destination.SetLength(0);
            destination.Position = 0;
            progress?.Invoke(FetchState.Started, 0, null, attempt);
            using var timeoutCts = new CancellationTokenSource(timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutCts.Token);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                lastStatus = status;
                if (response.StatusCode == HttpStatusCode.NotFound) return new DownloadOutcome(true, attempt, 0);
                if (status >= 500 || status is 408 or 429)
                {
                    // 429 (Yahoo's "too many requests") and 408 are worth another try, after the wait the server asks for.
                    lastError = $"HTTP {status} {response.ReasonPhrase}";
                    retryAfter = response.Headers.RetryAfter is { } ra
                        ? ra.Delta ?? (ra.Date is { } at ? at - time.GetUtcNow() : null)
                        : null;
                }
                else if (!response.IsSuccessStatusCode)
                {
                    throw new DownloadFailedException(url, $"HTTP {status} {response.ReasonPhrase}", attempt, status);
                }
                else
                {
                    long? total = response.Content.Headers.ContentLength;
                    long bytes = await CopyAsync(response, destination, total, attempt, progress, linked.Token).ConfigureAwait(false);
                    if (total is null || bytes == total) return new DownloadOutcome(false, attempt, bytes);
                    lastError = $"truncated body: {bytes} of {total} bytes";
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                lastError = $"timed out after {timeout.TotalSeconds:0.###} s";
            }
            catch (HttpRequestException ex)
            {
                lastError = $"connection error: {ex.Message}";
            }
            catch (IOException ex)
            {
                // A body cut short before its Content-Length surfaces here ("response ended prematurely").
                lastError = $"connection error: {ex.Message}";
            }

            if (attempt < maxAttempts)
            {
                progress?.Invoke(FetchState.Retrying, 0, null, attempt);
                var wait = Backoff(attempt);
                // A server's wait is honoured up to a minute, and never beyond the request timeout the user set.
                var most = timeout < MaxRetryAfter ? timeout : MaxRetryAfter;
                if (retryAfter is { } asked && asked > wait) wait = asked < most ? asked : most;
                await Task.Delay(wait, time, ct).ConfigureAwait(false);
            }
        }
        throw new DownloadFailedException(url, lastError, maxAttempts, lastStatus);
    }

    /// <summary>Delay before retry number <paramref name="attempt"/> (1-based).</summary>
    internal TimeSpan Backoff(int attempt) =>
        baseDelay * Math.Pow(2, attempt - 1) * (1 + (0.5 * jitter.NextDouble()));

    private static async Task<long> CopyAsync(HttpResponseMessage response, Stream destination, long? total, int attempt, ProgressCallback? progress, CancellationToken ct)
    {
        await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        var buffer = new byte[81920];
        long bytes = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            await destination.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
            bytes += read;
            progress?.Invoke(FetchState.Downloading, bytes, total, attempt);
        }
        await destination.FlushAsync(ct).ConfigureAwait(false);
        return bytes;
    }
}
