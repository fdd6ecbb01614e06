using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Alvh.Data.Tests.Fetch;

/// <summary>One scripted answer of <see cref="TestHttpServer"/>.</summary>
internal sealed record TestResponse(int Status, byte[] Body)
{
    /// <summary>Content-Length announced; defaults to the body length. Larger than the body = truncated.</summary>
    public long? ContentLength { get; init; }

    /// <summary>A Retry-After header, seconds.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Never answer: hold the connection until the server is disposed.</summary>
    public bool Hang { get; init; }

    /// <summary>After sending the body (possibly short of Content-Length), hold the connection and signal <see cref="BodySent"/>.</summary>
    public bool HangAfterBody { get; init; }

    /// <summary>Completed once the body of a <see cref="HangAfterBody"/> answer is on the wire.</summary>
    public TaskCompletionSource BodySent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static TestResponse Ok(string body) => new(200, Encoding.UTF8.GetBytes(body));

    public static TestResponse Ok(byte[] body) => new(200, body);

    public static TestResponse Error(int status) => new(status, Encoding.UTF8.GetBytes($"error {status}"));

    public static TestResponse Truncated(string body) => Ok(body) with { ContentLength = Encoding.UTF8.GetByteCount(body) + 100 };
}

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 with an ephemeral port, written on TcpListener so tests
/// control failures byte by byte. Each request's target (path and query) is answered by a script:
/// the n-th response of the list for that exact target (the last repeats), or 404 when none.
/// </summary>
internal sealed class TestHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<TestResponse>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly Task _acceptLoop;

    public TestHttpServer()
    {
        _listener.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _acceptLoop = AcceptAsync();
    }

    /// <summary>Use as <c>FetchOptions.Mirror</c>: public URLs map to <c>/host/path?query</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>Request targets in arrival order.</summary>
    public IReadOnlyCollection<string> Requests => _requests;

    /// <summary>Scripts the answers for a public URL (its mirrored path), in order; the last one repeats.</summary>
    public void Serve(string publicUrl, params TestResponse[] responses) =>
        _scripts[MirrorPath(publicUrl)] = responses;

    /// <summary>Requests received for a public URL.</summary>
    public int HitsFor(string publicUrl) => _hits.GetValueOrDefault(MirrorPath(publicUrl));

    private static string MirrorPath(string publicUrl) => "/" + publicUrl[(publicUrl.IndexOf("://", StringComparison.Ordinal) + 3)..];

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(client));
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            string? target = await ReadRequestTargetAsync(stream);
            if (target is null) return;
            _requests.Enqueue(target);
            var response = Pick(target);
            if (response.Hang)
            {
                await Task.Delay(Timeout.Infinite, _stop.Token);
                return;
            }
            long length = response.ContentLength ?? response.Body.Length;
            string head = $"HTTP/1.1 {response.Status} {Reason(response.Status)}\r\nContent-Type: text/plain\r\n"
                + $"Content-Length: {length}\r\n"
                + (response.RetryAfterSeconds is { } wait ? $"Retry-After: {wait}\r\n" : "")
                + "Connection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
            await stream.WriteAsync(response.Body, _stop.Token);
            await stream.FlushAsync(_stop.Token);
            if (response.HangAfterBody)
            {
                response.BodySent.TrySetResult();
                await Task.Delay(Timeout.Infinite, _stop.Token);
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
            // The client went away (timeout or cancellation in the test): nothing to do.
        }
    }

    private TestResponse Pick(string target)
    {
        int hit = _hits.AddOrUpdate(target, 1, (_, n) => n + 1);
        if (!_scripts.TryGetValue(target, out var script) || script.Count == 0) return TestResponse.Error(404);
        return script[Math.Min(hit, script.Count) - 1];
    }

    private static async Task<string?> ReadRequestTargetAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var buffer = new byte[1];
        while (head.Count < 65536)
        {
            int read = await stream.ReadAsync(buffer);
            if (read == 0) return null;
            head.Add(buffer[0]);
            int n = head.Count;
            if (n >= 4 && head[n - 4] == '\r' && head[n - 3] == '\n' && head[n - 2] == '\r' && head[n - 1] == '\n') break;
        }
        string requestLine = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n")[0];
        var parts = requestLine.Split(' ');
        return parts.Length >= 2 ? parts[1] : null;
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
