using System.Diagnostics;
using System.Text;
using Alvh.Data.Fetch;

namespace Alvh.Data.Tests.Fetch;

public sealed class DataFetcherTests : IAsyncLifetime, IDisposable
{
    private const string VixUrl = "https://cdn.cboe.com/api/global/us_indices/daily_prices/VIX_History.csv";
    private const string VvixUrl = "https://cdn.cboe.com/api/global/us_indices/daily_prices/VVIX_History.csv";
    private const string Dtb3Url = "https://fred.stlouisfed.org/graph/fredgraph.csv?id=DTB3";
    private const string VxUrl = "https://cdn.cboe.com/data/us/futures/market_statistics/historical_data/VX/VX_";

    // Made-up rows in the public formats: Cboe index history (MM/DD/YYYY, CRLF), FRED (observation_date, '.' and empty missing).
    private const string VixCsv = "DATE,OPEN,HIGH,LOW,CLOSE\r\n01/02/2024,13.210000,14.220000,13.100000,13.200000\r\n01/03/2024,14.100000,14.700000,13.900000,14.040000\r\n";
    private const string VvixCsv = "DATE,VVIX\n01/02/2024,85.10\n";
    private const string Dtb3Csv = "observation_date,DTB3\n2024-01-01,\n2024-01-02,5.20\n2024-01-03,.\n";
    private const string OldContent = "DATE,OPEN,HIGH,LOW,CLOSE\n01/02/2023,1,1,1,1\n";

    // 2024-07-02 12:00 UTC: Yahoo's period2.
    private static readonly DateTimeOffset Now = new(2024, 7, 2, 12, 0, 0, TimeSpan.Zero);

    private readonly TestHttpServer _server = new();
    private readonly TempFolder _folder = new();
    private readonly DataFetcher _fetcher = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _folder.Dispose();

    private FetchOptions Options(params string[] only) => new(_folder.Path)
    {
        Mirror = _server.BaseUrl,
        Only = only,
        // Generous: a loopback answer can take seconds on a loaded 2-core CI machine; the timeout tests set their own.
        Timeout = TimeSpan.FromSeconds(20),
        MaxAttempts = 3,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        Today = new DateOnly(2013, 2, 10),
        TimeProvider = new FixedTimeProvider(Now),
    };

    [Fact]
    public async Task FetchAsync_WritesRawSourcesByteForByteThenReportsUnchanged()
    {
        _server.Serve(VixUrl, TestResponse.Ok(VixCsv));
        _server.Serve(VvixUrl, TestResponse.Ok(VvixCsv));
        _server.Serve(Dtb3Url, TestResponse.Ok(Dtb3Csv));

        var report = await _fetcher.FetchAsync(Options("vix,vvix", "dtb3"));

        report.Succeeded.Should().BeTrue();
        report.Files.Select(f => (f.Name, f.Status, f.Rows, f.Attempts)).Should().Equal(
            ("vix-daily.csv", FetchStatus.Written, 2, 1),
            ("vvix-daily.csv", FetchStatus.Written, 1, 1),
            ("dtb3-daily.csv", FetchStatus.Written, 3, 1));
        report.Files[0].Url.Should().Be(_server.BaseUrl + "/cdn.cboe.com/api/global/us_indices/daily_prices/VIX_History.csv");
        report.Files[0].Bytes.Should().Be(Encoding.UTF8.GetByteCount(VixCsv));
        File.ReadAllBytes(_folder.File("vix-daily.csv")).Should().Equal(Encoding.UTF8.GetBytes(VixCsv));
        File.ReadAllBytes(_folder.File("dtb3-daily.csv")).Should().Equal(Encoding.UTF8.GetBytes(Dtb3Csv));
        _folder.FileNames().Should().Equal("dtb3-daily.csv", "vix-daily.csv", "vvix-daily.csv");

        var again = await _fetcher.FetchAsync(Options("vix"));

        again.Files.Single().Status.Should().Be(FetchStatus.Unchanged);
        _folder.FileNames().Should().HaveCount(3, "no temporary file is left behind");
    }

    /// <summary>
    /// A series already in the folder under another name the loader recognises is updated there: the shared folder's VX
    /// file is vix-futures-cboe-2013-2026.csv, and `data fetch --only vx` beside it wrote vix-futures-cboe.csv, after which
    /// every command failed with "series 'vx-cboe' is given by more than one file" (review).
    /// </summary>
    [Fact]
    public async Task FetchAsync_UpdatesASeriesUnderTheNameTheFolderAlreadyGivesIt()
    {
        File.WriteAllText(_folder.File("dtb3.csv"), "observation_date,DTB3\n2023-01-03,4.30\n");
        _server.Serve(Dtb3Url, TestResponse.Ok(Dtb3Csv));

        var report = await _fetcher.FetchAsync(Options("dtb3"));

        report.Succeeded.Should().BeTrue();
        report.Files.Single().Name.Should().Be("dtb3.csv");
        _folder.FileNames().Should().Equal("dtb3.csv");
        File.ReadAllText(_folder.File("dtb3.csv")).Should().Be(Dtb3Csv);
        File.WriteAllText(_folder.File("vix-futures-cboe-2013-2026.csv"), "");
        DataFetcher.ExistingName(_folder.Path, "vix-futures-cboe.csv").Should().Be("vix-futures-cboe-2013-2026.csv");
        DataFetcher.ExistingName(_folder.Path, "vix-daily.csv").Should().Be("vix-daily.csv", "nothing in the folder gives the VIX");
        File.WriteAllText(_folder.File("vix-futures-cboe-old.csv"), "");
        DataFetcher.ExistingName(_folder.Path, "vix-futures-cboe.csv").Should().Be("vix-futures-cboe.csv", "with two, the loader's own error names both");
    }

    [Fact]
    public async Task FetchAsync_RetriesServerErrorThenSucceeds()
    {
        _server.Serve(VixUrl, TestResponse.Error(500), TestResponse.Error(503), TestResponse.Ok(VixCsv));

        var report = await _fetcher.FetchAsync(Options("vix"));

        var file = report.Files.Single();
        file.Status.Should().Be(FetchStatus.Written);
        file.Attempts.Should().Be(3);
        _server.HitsFor(VixUrl).Should().Be(3);
        File.ReadAllText(_folder.File("vix-daily.csv")).Should().Be(VixCsv);
    }

    [Fact]
    public async Task FetchAsync_FailsAfterMaxAttemptsNamingUrlAndStatusAndKeepsExistingFile()
    {
        File.WriteAllText(_folder.File("vix-daily.csv"), OldContent);
        _server.Serve(VixUrl, TestResponse.Error(500));

        var report = await _fetcher.FetchAsync(Options("vix"));

        var file = report.Files.Single();
        report.Succeeded.Should().BeFalse();
        file.Status.Should().Be(FetchStatus.Failed);
        file.Attempts.Should().Be(3);
        file.Error.Should().Be($"{_server.BaseUrl}/cdn.cboe.com/api/global/us_indices/daily_prices/VIX_History.csv: HTTP 500 Internal Server Error (3 attempts)");
        _server.HitsFor(VixUrl).Should().Be(3);
        File.ReadAllText(_folder.File("vix-daily.csv")).Should().Be(OldContent);
        _folder.FileNames().Should().Equal("vix-daily.csv");
    }

    [Fact]
    public async Task FetchAsync_RetriesTooManyRequestsAfterTheWaitAskedFor()
    {
        // 429 (Yahoo's usual refusal) failed at once; Retry-After was ignored (the base delay here is 1 ms).
        _server.Serve(VixUrl, TestResponse.Error(429) with { RetryAfterSeconds = 1 }, TestResponse.Ok(VixCsv));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var report = await _fetcher.FetchAsync(Options("vix"));

        report.Files.Single().Should().Match<FetchFileResult>(f => f.Status == FetchStatus.Written && f.Attempts == 2);
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.95), "the server asked for a second");
    }

    [Fact]
    public async Task FetchAsync_RefusesAHeaderWithoutRows()
    {
        // It was written into an empty folder as a success with 0 rows.
        _server.Serve(Dtb3Url, TestResponse.Ok("observation_date,DTB3\n"));

        var report = await _fetcher.FetchAsync(Options("dtb3"));

        var file = report.Files.Single();
        file.Status.Should().Be(FetchStatus.Failed);
        file.Error.Should().EndWith("the download has a header and no data rows");
        _folder.FileNames().Should().BeEmpty();
    }

    [Fact]
    public async Task FetchAsync_RetriesTruncatedBody()
    {
        _server.Serve(VixUrl, TestResponse.Truncated(VixCsv), TestResponse.Ok(VixCsv));

        var report = await _fetcher.FetchAsync(Options("vix"));

        report.Files.Single().Should().Match<FetchFileResult>(f => f.Status == FetchStatus.Written && f.Attempts == 2);
        File.ReadAllText(_folder.File("vix-daily.csv")).Should().Be(VixCsv);
    }

    [Fact]
    public async Task FetchAsync_NeverWritesATruncatedBody()
    {
        File.WriteAllText(_folder.File("vix-daily.csv"), OldContent);
        _server.Serve(VixUrl, TestResponse.Truncated(VixCsv));

        var report = await _fetcher.FetchAsync(Options("vix") with { MaxAttempts = 2 });

        var file = report.Files.Single();
        file.Status.Should().Be(FetchStatus.Failed);
        file.Attempts.Should().Be(2);
        file.Error.Should().Contain("VIX_History.csv").And.Contain("2 attempts");
        File.ReadAllText(_folder.File("vix-daily.csv")).Should().Be(OldContent);
        _folder.FileNames().Should().Equal("vix-daily.csv");
    }

    [Fact]
    public async Task FetchAsync_TimesOutWhenServerNeverAnswers()
    {
        File.WriteAllText(_folder.File("vix-daily.csv"), OldContent);
        _server.Serve(VixUrl, TestResponse.Ok("") with { Hang = true });
        var clock = Stopwatch.StartNew();

        var report = await _fetcher.FetchAsync(Options("vix") with { Timeout = TimeSpan.FromMilliseconds(200), MaxAttempts = 2 });

        // Two 200 ms attempts: well under the 20 s a hang would take even on a loaded machine.
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        var file = report.Files.Single();
        file.Status.Should().Be(FetchStatus.Failed);
        file.Attempts.Should().Be(2);
        file.Error.Should().Contain("VIX_History.csv: timed out after 0.2 s");
        File.ReadAllText(_folder.File("vix-daily.csv")).Should().Be(OldContent);
    }

    [Fact]
    public async Task FetchAsync_DoesNotRetryClientErrors()
    {
        _server.Serve(Dtb3Url, TestResponse.Error(400));

        var report = await _fetcher.FetchAsync(Options("vix", "dtb3"));

        report.Files.Select(f => (f.Status, f.Attempts)).Should().Equal((FetchStatus.Failed, 1), (FetchStatus.Failed, 1));
        report.Files[0].Error.Should().Contain("HTTP 404");
        report.Files[1].Error.Should().Contain("HTTP 400 Bad Request");
        _server.HitsFor(VixUrl).Should().Be(1);
        _server.HitsFor(Dtb3Url).Should().Be(1);
    }

    [Fact]
    public async Task FetchAsync_RejectsUnexpectedHeaderAndKeepsExistingFile()
    {
        File.WriteAllText(_folder.File("vix-daily.csv"), OldContent);
        _server.Serve(VixUrl, TestResponse.Ok("<html><body>Service maintenance</body></html>"));

        var report = await _fetcher.FetchAsync(Options("vix"));

        report.Files.Single().Error.Should().Contain("unexpected header '<html>").And.Contain("expected 'DATE,OPEN,HIGH,LOW,CLOSE'");
        File.ReadAllText(_folder.File("vix-daily.csv")).Should().Be(OldContent);
        _folder.FileNames().Should().Equal("vix-daily.csv");
    }

    [Fact]
    public async Task FetchAsync_KeepsAHistoryThatTheDownloadWouldShorten()
    {
        // A valid header and one row (a truncated response the server closed cleanly) against 20 rows on disk.
        var history = "DATE,OPEN,HIGH,LOW,CLOSE\n" + string.Concat(Enumerable.Range(1, 20).Select(d => $"01/{d:00}/2013,14.00,15.00,13.00,14.50\n"));
        File.WriteAllText(_folder.File("vix-daily.csv"), history);
        _server.Serve(VixUrl, TestResponse.Ok("DATE,OPEN,HIGH,LOW,CLOSE\n01/02/2013,14.00,15.00,13.00,14.50\n"));

        var report = await _fetcher.FetchAsync(Options("vix"));

        report.Succeeded.Should().BeFalse();
        report.Files.Single().Error.Should().Contain("the download has 1 rows, fewer than the 20 of vix-daily.csv on disk: kept the file on disk");
        File.ReadAllText(_folder.File("vix-daily.csv")).Should().Be(history);
        _folder.FileNames().Should().Equal("vix-daily.csv");
    }

    [Fact]
    public async Task FetchAsync_RejectsEmptyBody()
    {
        _server.Serve(VixUrl, TestResponse.Ok(""));

        var report = await _fetcher.FetchAsync(Options("vix"));

        report.Files.Single().Error.Should().EndWith(": empty response");
        _folder.FileNames().Should().BeEmpty();
    }

    [Fact]
    public async Task FetchAsync_RunsCallerValidationOnTheTemporaryFile()
    {
        File.WriteAllText(_folder.File("vix-daily.csv"), OldContent);
        _server.Serve(VixUrl, TestResponse.Ok(VixCsv));
        var calls = new List<(string Folder, bool Existed, string Content, string Target)>();
        string? Validate(string tempPath, string targetName)
        {
            calls.Add((Path.GetDirectoryName(tempPath)!, File.Exists(tempPath), File.ReadAllText(tempPath), targetName));
            return "line 3: CLOSE below LOW";
        }

        var report = await _fetcher.FetchAsync(Options("vix") with { Validate = Validate });

        calls.Should().Equal((_folder.Path, true, VixCsv, "vix-daily.csv"));
        report.Files.Single().Error.Should().EndWith("validation failed: line 3: CLOSE below LOW");
        File.ReadAllText(_folder.File("vix-daily.csv")).Should().Be(OldContent);
        _folder.FileNames().Should().Equal("vix-daily.csv");
    }

    [Fact]
    public async Task FetchAsync_ReportsAThrowingValidatorAsAFailure()
    {
        _server.Serve(VixUrl, TestResponse.Ok(VixCsv));

        var report = await _fetcher.FetchAsync(Options("vix") with { Validate = (_, _) => throw new InvalidDataException("vix-daily.csv:2: bad date") });

        report.Files.Single().Error.Should().EndWith("validation failed: vix-daily.csv:2: bad date");
        _folder.FileNames().Should().BeEmpty();
    }

    [Fact]
    public async Task FetchAsync_DeletesStaleTemporaryFilesOfAKilledRunButNotRecentOnes()
    {
        string stale = _folder.File(".vix-daily.csv.0123456789abcdef.tmp");
        string recent = _folder.File(".vix-daily.csv.fedcba9876543210.tmp");
        File.WriteAllText(stale, "DATE,OPEN");
        File.WriteAllText(recent, "DATE,OPEN");
        File.SetLastWriteTimeUtc(stale, Now.UtcDateTime.AddHours(-2));
        File.SetLastWriteTimeUtc(recent, Now.UtcDateTime.AddMinutes(-5));
        _server.Serve(VixUrl, TestResponse.Ok(VixCsv));

        await _fetcher.FetchAsync(Options("vix"));

        _folder.FileNames().Should().Equal(".vix-daily.csv.fedcba9876543210.tmp", "vix-daily.csv");
    }

    [Fact]
    public async Task FetchAsync_UsesAnInjectedMessageHandler()
    {
        using var handler = new StubHandler(request => request.RequestUri!.AbsoluteUri == Dtb3Url
            ? new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(Dtb3Csv) }
            : new HttpResponseMessage(System.Net.HttpStatusCode.NotFound));

        var report = await _fetcher.FetchAsync(Options("dtb3") with { Mirror = null, HttpMessageHandler = handler });

        report.Files.Single().Should().Match<FetchFileResult>(f => f.Status == FetchStatus.Written && f.Url == Dtb3Url);
        File.ReadAllText(_folder.File("dtb3-daily.csv")).Should().Be(Dtb3Csv);
        handler.Disposed.Should().BeFalse("an injected handler belongs to the caller");
    }

    [Fact]
    public async Task FetchAsync_CancelledDownloadKeepsExistingFileAndLeavesNoTemporaryFile()
    {
        File.WriteAllText(_folder.File("vix-daily.csv"), OldContent);
        var partial = TestResponse.Truncated(VixCsv) with { HangAfterBody = true };
        _server.Serve(VixUrl, partial);
        using var cts = new CancellationTokenSource();

        var fetch = _fetcher.FetchAsync(Options("vix") with { Timeout = TimeSpan.FromSeconds(30) }, null, cts.Token);
        await partial.BodySent.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(50);
        await cts.CancelAsync();
        var act = async () => await fetch;

        await act.Should().ThrowAsync<OperationCanceledException>();
        File.ReadAllText(_folder.File("vix-daily.csv")).Should().Be(OldContent);
        _folder.FileNames().Should().Equal("vix-daily.csv");
    }

    [Fact]
    public async Task FetchAsync_CombinesVxContractsAndNotesUnlistedOnes()
    {
        // Today 2013-02-10, one month ahead: contracts Jan, Feb, Mar 2013; March is not listed (404).
        _server.Serve(VxUrl + "2013-01-16.csv", TestResponse.Ok(
            "Trade Date,Futures,Open,High,Low,Close,Settle,Change,Total Volume,EFP,Open Interest\n" +
            "2013-01-03,F (Jan 2013),15.00,15.50,14.80,15.10,15.05,0.05,1000,10,5000\n" +
            "2013-01-02,F (Jan 2013),16.00,16.20,15.90,16.00,15.00,0.00,900,0,4800\n"));
        _server.Serve(VxUrl + "2013-02-13.csv", TestResponse.Error(500), TestResponse.Ok(
            "Trade Date,Futures,Open,High,Low,Close,Settle,Change,Total Volume,EFP,Open Interest\r\n" +
            "01/02/2013,G (Feb 2013),17.00,17.10,16.90,17.05,17.00,0.10,500,5,3000\r\n"));
        var progress = new ProgressLog();

        var report = await _fetcher.FetchAsync(Options("vx") with { VxMonthsAhead = 1 }, progress);

        var file = report.Files.Single();
        file.Status.Should().Be(FetchStatus.Written);
        file.Rows.Should().Be(3);
        file.Attempts.Should().Be(4, "1 + 2 (one retry) + 1 (404, not retried)");
        file.Parts.Select(p => (p.Name, p.Status)).Should().Equal(
            ("VX_2013-01-16.csv", FetchStatus.Downloaded),
            ("VX_2013-02-13.csv", FetchStatus.Downloaded),
            ("VX_2013-03-20.csv", FetchStatus.NotListed));
        File.ReadAllText(_folder.File("vix-futures-cboe.csv")).Should().Be(
            "trade_date,expiration,open,high,low,close,settle,change,total_volume,efp,open_interest\n" +
            "2013-01-02,2013-01-16,16.00,16.20,15.90,16.00,15.00,0.00,900,0,4800\n" +
            "2013-01-02,2013-02-13,17.00,17.10,16.90,17.05,17.00,0.10,500,5,3000\n" +
            "2013-01-03,2013-01-16,15.00,15.50,14.80,15.10,15.05,0.05,1000,10,5000\n");
        progress.Items.Should().Contain(p => p.State == FetchState.NotListed && p.Part == "VX_2013-03-20.csv");
        progress.Items.Should().Contain(p => p.State == FetchState.Retrying && p.Part == "VX_2013-02-13.csv");
    }

    [Fact]
    public async Task FetchAsync_VxFailsWholeFileWhenAContractFailsForGood()
    {
        const string existing = "trade_date,expiration,open,high,low,close,settle,change,total_volume,efp,open_interest\n";
        File.WriteAllText(_folder.File("vix-futures-cboe.csv"), existing);
        _server.Serve(VxUrl + "2013-01-16.csv", TestResponse.Ok("Trade Date,Settle\n2013-01-02,15.00\n"));
        _server.Serve(VxUrl + "2013-02-13.csv", TestResponse.Error(500));

        var report = await _fetcher.FetchAsync(Options("vx") with { VxMonthsAhead = 0, MaxAttempts = 2 });

        var file = report.Files.Single();
        file.Status.Should().Be(FetchStatus.Failed);
        file.Error.Should().StartWith("1 VX contract(s) failed").And.Contain("VX_2013-02-13.csv: HTTP 500");
        file.Parts.Select(p => p.Status).Should().Equal(FetchStatus.Downloaded, FetchStatus.Failed);
        File.ReadAllText(_folder.File("vix-futures-cboe.csv")).Should().Be(existing);
    }

    [Fact]
    public async Task FetchAsync_VxStopsAtTheFirstContractThatFailsForGood()
    {
        // Today 2013-02-10, three months ahead: Jan to May. January fails for good: the file needs every contract, so the
        // other four are not requested (with the endpoint down, 176 contracts each retried took about 25 minutes).
        _server.Serve(VxUrl + "2013-01-16.csv", TestResponse.Error(500));

        var report = await _fetcher.FetchAsync(Options("vx") with { VxMonthsAhead = 3, MaxAttempts = 2 });

        var file = report.Files.Single();
        file.Status.Should().Be(FetchStatus.Failed);
        file.Error.Should().EndWith("(4 later contract(s) not requested: the file needs every one)");
        file.Parts.Should().ContainSingle();
        _server.HitsFor(VxUrl + "2013-02-13.csv").Should().Be(0);
    }

    [Fact]
    public async Task FetchAsync_ConvertsOneYahooResponseIntoPricesAndDividends()
    {
        // period2 = Unix seconds of the injected clock (2024-07-02 12:00 UTC).
        const string spyUrl = "https://query1.finance.yahoo.com/v8/finance/chart/SPY?period1=0&period2=1719921600&interval=1d&events=div";
        _server.Serve(spyUrl, TestResponse.Ok(YahooChartConverterTests.ChartJson));

        var report = await _fetcher.FetchAsync(Options("spy", "spy-dividends"));

        report.Files.Select(f => (f.Name, f.Status, f.Rows, f.DroppedRows)).Should().Equal(
            ("spy-daily.csv", FetchStatus.Written, 3, 1),
            ("spy-dividends.csv", FetchStatus.Written, 2, 0));
        _server.HitsFor(spyUrl).Should().Be(1, "both files come from one response");
        File.ReadAllText(_folder.File("spy-daily.csv")).Should().Be(YahooChartConverterTests.ExpectedPrices);
        File.ReadAllText(_folder.File("spy-dividends.csv")).Should().Be(YahooChartConverterTests.ExpectedDividends);
    }

    [Fact]
    public async Task FetchAsync_FailsOnlyTheFileOfAYahooChartOfAnotherShape()
    {
        // A chart whose indicators carry no quote ended the whole run with an internal error: SPY's files now fail,
        // named with the URL, and the next source is still fetched.
        const string spyUrl = "https://query1.finance.yahoo.com/v8/finance/chart/SPY?period1=0&period2=1719921600&interval=1d&events=div";
        _server.Serve(spyUrl, TestResponse.Ok("""{"chart":{"result":[{"meta":{},"timestamp":[1672756200],"indicators":{"quote":[]}}]}}"""));
        _server.Serve(VixUrl, TestResponse.Ok(VixCsv));

        var report = await _fetcher.FetchAsync(Options("spy", "vix"));

        report.Succeeded.Should().BeFalse();
        var spy = report.Files.Single(f => f.Name == "spy-daily.csv");
        spy.Status.Should().Be(FetchStatus.Failed);
        spy.Error.Should().Contain("/query1.finance.yahoo.com/v8/finance/chart/SPY").And.Contain("timestamps without indicators.quote[0]");
        report.Files.Single(f => f.Name == "vix-daily.csv").Status.Should().Be(FetchStatus.Written);
    }

    [Fact]
    public async Task FetchAsync_ReportsProgressWithTotalBytes()
    {
        _server.Serve(VixUrl, TestResponse.Ok(VixCsv));
        var progress = new ProgressLog();

        await _fetcher.FetchAsync(Options("vix"), progress);

        long length = Encoding.UTF8.GetByteCount(VixCsv);
        progress.Items.Should().Contain(p => p.State == FetchState.Downloading && p.BytesReceived == length && p.TotalBytes == length);
        progress.Items[0].Should().Be(new FetchProgress("vix", "vix-daily.csv", FetchState.Started, 0, null, 1));
        progress.Items[^1].State.Should().Be(FetchState.Written);
    }

    [Fact]
    public async Task FetchAsync_RejectsUnknownSource()
    {
        var act = () => _fetcher.FetchAsync(Options("vix", "nope"));

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("unknown source(s): nope*");
    }

    /// <summary>Records progress synchronously (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class ProgressLog : IProgress<FetchProgress>
    {
        private readonly List<FetchProgress> _items = [];

        public IReadOnlyList<FetchProgress> Items
        {
            get
            {
                lock (_items) return _items.ToList();
            }
        }

        public void Report(FetchProgress value)
        {
            lock (_items) _items.Add(value);
        }
    }

    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public bool Disposed { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
