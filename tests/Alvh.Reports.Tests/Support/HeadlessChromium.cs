using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Alvh.Reports.Tests.Support;

/// <summary>
/// Headless Chromium (Debian package <c>chromium</c>) driven over the DevTools protocol on one WebSocket:
/// it opens a page, collects console errors, exceptions, log errors, failed loads and every request that is
/// not file: or data:, evaluates a script and takes a full-page screenshot.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly ConcurrentQueue<JsonObject> _events = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _receive = Task.CompletedTask;
    private int _nextId;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>The browser executable, or null when none is installed.</summary>
    public static string? Executable => Candidates.FirstOrDefault(File.Exists);

    /// <summary>Starts the browser with a fresh profile and connects to it.</summary>
    public static async Task<HeadlessChromium> LaunchAsync(TimeSpan timeout)
    {
        var exe = Executable ?? throw new InvalidOperationException("no chromium installed");
        var profile = Path.Combine(Path.GetTempPath(), "alvh-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(exe)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--disable-default-apps", "--hide-scrollbars", "--mute-audio",
                     $"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank" })
        {
            start.ArgumentList.Add(a);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var browser = new HeadlessChromium(process, profile);
        try
        {
            await browser.ConnectAsync(timeout);
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
        return browser;
    }

    /// <summary>Opens <paramref name="url"/> in a new tab at <paramref name="width"/> CSS pixels, waits for load, runs <paramref name="script"/> and takes a full-page screenshot.</summary>
    public async Task<ChromiumPage> VisitAsync(string url, string script, int width, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var ct = cts.Token;
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, ct);
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, null, ct);
        var session = attached["sessionId"]!.GetValue<string>();
        foreach (var domain in new[] { "Page", "Runtime", "Log", "Network" }) await SendAsync(domain + ".enable", new JsonObject(), session, ct);
        await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = 900, ["deviceScaleFactor"] = 1, ["mobile"] = false }, session, ct);

        var navigation = await SendAsync("Page.navigate", new JsonObject { ["url"] = url }, session, ct);
        var errors = new List<string>();
        if (navigation["errorText"] is { } navError) errors.Add($"navigation: {navError}");
        while (!_events.Any(e => Is(e, "Page.loadEventFired", session))) await Task.Delay(25, ct);

        var evaluation = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = script, ["returnByValue"] = true, ["awaitPromise"] = true }, session, ct);
        if (evaluation["exceptionDetails"] is { } thrown) errors.Add($"check script threw: {thrown.ToJsonString()}");

        var metrics = await SendAsync("Page.getLayoutMetrics", new JsonObject(), session, ct);
        int height = (int)Math.Ceiling(metrics["cssContentSize"]!["height"]!.GetValue<double>());
        await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false }, session, ct);
        var shot = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true }, session, ct);

        var foreign = new List<string>();
        foreach (var e in _events.Where(e => e["sessionId"]?.GetValue<string>() == session))
        {
            var p = e["params"]!;
            switch (e["method"]!.GetValue<string>())
            {
                case "Runtime.consoleAPICalled" when p["type"]!.GetValue<string>() is "error" or "assert":
                    errors.Add($"console.{p["type"]}: {p["args"]!.ToJsonString()}");
                    break;
                case "Runtime.exceptionThrown":
                    errors.Add($"exception: {p["exceptionDetails"]!.ToJsonString()}");
                    break;
                case "Log.entryAdded" when p["entry"]!["level"]!.GetValue<string>() == "error":
                    errors.Add($"log: {p["entry"]!["text"]} {p["entry"]!["url"]}");
                    break;
                case "Network.loadingFailed":
                    errors.Add($"failed load: {p["errorText"]} ({p["requestId"]})");
                    break;
                case "Network.requestWillBeSent":
                    var requestUrl = p["request"]!["url"]!.GetValue<string>();
                    if (!requestUrl.StartsWith("file:", StringComparison.Ordinal) && !requestUrl.StartsWith("data:", StringComparison.Ordinal)) foreign.Add(requestUrl);
                    break;
            }
        }
        return new ChromiumPage(errors, foreign, evaluation["result"]?["value"], Convert.FromBase64String(shot["data"]!.GetValue<string>()));
    }

    /// <summary>Closes the browser (and kills it if it does not exit) and deletes its profile.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                try { await SendAsync("Browser.close", new JsonObject(), null, cts.Token); }
                catch (Exception e) when (e is OperationCanceledException or WebSocketException or InvalidOperationException) { }
            }
            if (!_process.WaitForExit(3000)) _process.Kill(entireProcessTree: true);
        }
        finally
        {
            await _stop.CancelAsync();
            try { await _receive; }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
            _socket.Dispose();
            _process.Dispose();
            _stop.Dispose();
            try { Directory.Delete(_profile, recursive: true); }
            catch (IOException) { }
        }
    }

    private async Task ConnectAsync(TimeSpan timeout)
    {
        // Chromium writes the port it picked and the browser's WebSocket path into DevToolsActivePort.
        var portFile = Path.Combine(_profile, "DevToolsActivePort");
        var clock = Stopwatch.StartNew();
        string[] lines = [];
        while (lines.Length < 2)
        {
            if (_process.HasExited) throw new InvalidOperationException($"chromium exited with code {_process.ExitCode} before it listened");
            if (clock.Elapsed > timeout) throw new TimeoutException("chromium did not write DevToolsActivePort");
            await Task.Delay(50);
            if (File.Exists(portFile)) lines = (await File.ReadAllTextAsync(portFile)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        using var cts = new CancellationTokenSource(timeout);
        await _socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0].Trim()}{lines[1].Trim()}"), cts.Token);
        _receive = Task.Run(ReceiveLoopAsync);
    }

    private async Task<JsonObject> SendAsync(string method, JsonObject parameters, string? session, CancellationToken ct)
    {
        int id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (session is not null) message["sessionId"] = session;
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, ct);
        using (ct.Register(() => reply.TrySetCanceled(ct)))
        {
            var response = await reply.Task;
            if (response["error"] is { } error) throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
            return response["result"]?.AsObject() ?? new JsonObject();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            var chunk = await _socket.ReceiveAsync(buffer, _stop.Token);
            if (chunk.MessageType == WebSocketMessageType.Close) break;
            message.Write(buffer, 0, chunk.Count);
            if (!chunk.EndOfMessage) continue;
            var json = JsonNode.Parse(message.ToArray())!.AsObject();
            message.SetLength(0);
            if (json["id"] is { } id && _pending.TryRemove(id.GetValue<int>(), out var reply)) reply.TrySetResult(json);
            else if (json["method"] is not null) _events.Enqueue(json);
        }
        foreach (var p in _pending.Values) p.TrySetException(new WebSocketException("connection closed"));
    }

    private static bool Is(JsonObject e, string method, string session) =>
        e["method"]?.GetValue<string>() == method && e["sessionId"]?.GetValue<string>() == session;
}
