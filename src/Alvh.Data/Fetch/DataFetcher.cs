using System.Globalization;
using System.Text;
using Alvh.Calendars;

namespace Alvh.Data.Fetch;

/// <summary>
/// The downloader behind <c>alvh data fetch</c>: fetches the sources of <see cref="SourceCatalog"/>
/// into the data folder, one at a time, in catalog order.
/// </summary>
/// <remarks>
/// Every file is downloaded (or converted) into a hidden temporary file in the data folder,
/// validated — non-empty, expected header, then <see cref="FetchOptions.Validate"/> — and only
/// then moved over the target. A failed, invalid or cancelled download therefore never touches an
/// existing file, and no temporary file is left behind (a process killed mid-download may leave
/// one, hidden, named <c>.{file}.{guid}.tmp</c>; the next fetch deletes it once it is an hour
/// old). One source failing does not stop the
/// others; failures are in the report. Cancellation stops the fetch with
/// <see cref="OperationCanceledException"/>.
/// </remarks>
public sealed class DataFetcher
{
    /// <summary>Fetches the selected sources and reports per file.</summary>
    /// <param name="options">Folder, selection, mirror, timeouts, retries and injected clock/HTTP.</param>
    /// <param name="progress">Receives progress notifications; may be null.</param>
    /// <param name="ct">Cancels the fetch; existing files stay intact.</param>
    /// <exception cref="ArgumentException">An option is invalid or <see cref="FetchOptions.Only"/> names an unknown source.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public async Task<FetchReport> FetchAsync(FetchOptions options, IProgress<FetchProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DataFolder);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Timeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BaseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(options.VxMonthsAhead);
        var sources = SourceCatalog.Select(options.Only);
        string folder = Path.GetFullPath(options.DataFolder);
        Directory.CreateDirectory(folder);

        HttpClient client = options.HttpClient ?? new HttpClient(
            options.HttpMessageHandler ?? new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All },
            disposeHandler: options.HttpMessageHandler is null)
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        try
        {
            var run = new FetchRun(options, folder, progress, new HttpDownloader(
                client, options.Timeout, options.MaxAttempts, options.BaseDelay, new Random(options.JitterSeed), options.TimeProvider));
            var results = new List<FetchFileResult>(sources.Count);
            foreach (var source in sources)
            {
                string name = ExistingName(folder, source.FileName);
                results.Add(await run.FetchSourceAsync(name == source.FileName ? source : source with { FileName = name }, ct).ConfigureAwait(false));
            }
            return new FetchReport(folder, results);
        }
        finally
        {
            if (options.HttpClient is null) client.Dispose();
        }
    }

    /// <summary>
    /// The file a source updates: its own name, unless the folder already holds its series under another name the loader
    /// recognises (the shared folder's <c>vix-futures-cboe-2013-2026.csv</c> for <c>vix-futures-cboe.csv</c>): then that
    /// one, when it is the only one. A second file of the series beside it made every later command fail with "series
    /// 'vx-cboe' is given by more than one file".
    /// </summary>
    internal static string ExistingName(string folder, string fileName)
    {
        if (File.Exists(Path.Combine(folder, fileName))) return fileName;
        if (Catalog.FileRecognizer.Recognise(Path.Combine(folder, fileName), null) is not { } own) return fileName;
        var same = Directory.EnumerateFiles(folder, "*.csv")
            .Select(f => Catalog.FileRecognizer.Recognise(f, null))
            .Where(k => k is not null && k.Id == own.Id)
            .Select(k => k!.File)
            .ToList();
        return same.Count == 1 ? same[0] : fileName;
    }

    /// <summary>The current date in New York for <paramref name="now"/> (UTC when the zone is unknown to the system).</summary>
    internal static DateOnly NewYorkDate(DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.TryFindSystemTimeZoneById("America/New_York", out var zone)
            ? TimeZoneInfo.ConvertTime(now, zone).DateTime
            : now.UtcDateTime);

    /// <summary>State of one fetch: the options, the clock reading and the Yahoo responses shared by two files.</summary>
    private sealed class FetchRun(FetchOptions options, string folder, IProgress<FetchProgress>? progress, HttpDownloader downloader)
    {
        // Temporary files older than this are leftovers of a killed process.
        private static readonly TimeSpan StaleTempAge = TimeSpan.FromHours(1);

        private readonly DateTimeOffset _now = options.TimeProvider.GetUtcNow();
        private readonly Dictionary<string, (byte[]? Body, int Attempts, string? Error)> _yahooResponses = new(StringComparer.Ordinal);

        public async Task<FetchFileResult> FetchSourceAsync(DataSource source, CancellationToken ct)
        {
            AtomicFile.DeleteStaleTempFiles(folder, source.FileName, _now.UtcDateTime - StaleTempAge);
            var result = source.Format switch
            {
                SourceFormat.Raw => await FetchRawAsync(source, ct).ConfigureAwait(false),
                SourceFormat.YahooDailyPrices or SourceFormat.YahooDividends => await FetchYahooAsync(source, ct).ConfigureAwait(false),
                SourceFormat.VxFutures => await FetchVxAsync(source, ct).ConfigureAwait(false),
                _ => throw new InvalidOperationException($"unknown format {source.Format}"),
            };
            var state = result.Status switch
            {
                FetchStatus.Written => FetchState.Written,
                FetchStatus.Unchanged => FetchState.Unchanged,
                FetchStatus.NotListed => FetchState.NotListed,
                _ => FetchState.Failed,
            };
            progress?.Report(new FetchProgress(source.Name, source.FileName, state, result.Bytes, result.Bytes, result.Attempts));
            return result;
        }

        private async Task<FetchFileResult> FetchRawAsync(DataSource source, CancellationToken ct)
        {
            string url = UrlMirror.Rewrite(source.Url, options.Mirror);
            string temp = AtomicFile.NewTempPath(folder, source.FileName);
            try
            {
                DownloadOutcome outcome;
                var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true);
                await using (stream.ConfigureAwait(false))
                {
                    outcome = await downloader.DownloadAsync(url, stream, Callback(source), ct).ConfigureAwait(false);
                }
                if (outcome.NotFound) return Failed(source, url, $"{url}: HTTP 404 Not Found", outcome.Attempts);
                return Commit(source, url, temp, outcome.Attempts, 0, []);
            }
            catch (DownloadFailedException ex)
            {
                return Failed(source, url, ex.Message, ex.Attempts);
            }
            finally
            {
                AtomicFile.TryDelete(temp);
            }
        }

        private async Task<FetchFileResult> FetchYahooAsync(DataSource source, CancellationToken ct)
        {
            string url = UrlMirror.Rewrite(
                source.Url.Replace(DataSource.Period2Placeholder, _now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
                options.Mirror);
            int attempts = 0;
            if (!_yahooResponses.TryGetValue(url, out var response))
            {
                // SPY prices and dividends come from one response: request it once per run.
                try
                {
                    using var buffer = new MemoryStream();
                    var outcome = await downloader.DownloadAsync(url, buffer, Callback(source), ct).ConfigureAwait(false);
                    response = outcome.NotFound
                        ? (null, outcome.Attempts, $"{url}: HTTP 404 Not Found")
                        : (buffer.ToArray(), outcome.Attempts, null);
                }
                catch (DownloadFailedException ex)
                {
                    response = (null, ex.Attempts, ex.Message);
                }
                _yahooResponses[url] = response;
                attempts = response.Attempts;
            }
            if (response.Body is null) return Failed(source, url, response.Error!, attempts);
            ConvertedCsv csv;
            try
            {
                csv = source.Format == SourceFormat.YahooDividends
                    ? YahooChartConverter.ToDividendsCsv(response.Body)
                    : YahooChartConverter.ToDailyPricesCsv(response.Body);
            }
            catch (FormatException ex)
            {
                return Failed(source, url, $"{url}: {ex.Message}", attempts);
            }
            catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException or ArgumentException)
            {
                // A shape the converter does not check: this file fails, named, and the others go on (it ended the whole run).
                return Failed(source, url, $"{url}: Yahoo chart: unexpected JSON ({ex.Message})", attempts);
            }
            return await WriteAndCommitAsync(source, url, csv, attempts, [], ct).ConfigureAwait(false);
        }

        private async Task<FetchFileResult> FetchVxAsync(DataSource source, CancellationToken ct)
        {
            var today = options.Today ?? NewYorkDate(_now);
            var expirations = VxExpirations.MonthlyBetween(options.VxFirstContractMonth, today.AddMonths(options.VxMonthsAhead));
            var parts = new List<FetchFileResult>(expirations.Count);
            var contracts = new List<VxContractFile>(expirations.Count);
            int attempts = 0;
            foreach (var expiration in expirations)
            {
                string expirationText = expiration.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                string partName = $"VX_{expirationText}.csv";
                string url = UrlMirror.Rewrite(source.Url.Replace(DataSource.ExpirationPlaceholder, expirationText, StringComparison.Ordinal), options.Mirror);
                try
                {
                    using var buffer = new MemoryStream();
                    var outcome = await downloader.DownloadAsync(url, buffer, Callback(source, partName), ct).ConfigureAwait(false);
                    attempts += outcome.Attempts;
                    if (outcome.NotFound)
                    {
                        parts.Add(new FetchFileResult(source.Name, partName, url, FetchStatus.NotListed, 0, 0, outcome.Attempts, null, 0, []));
                        progress?.Report(new FetchProgress(source.Name, source.FileName, FetchState.NotListed, 0, null, outcome.Attempts, partName));
                        continue;
                    }
                    contracts.Add(new VxContractFile(expiration, Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), url));
                    parts.Add(new FetchFileResult(source.Name, partName, url, FetchStatus.Downloaded, outcome.Bytes, 0, outcome.Attempts, null, 0, []));
                }
                catch (DownloadFailedException ex)
                {
                    attempts += ex.Attempts;
                    parts.Add(new FetchFileResult(source.Name, partName, url, FetchStatus.Failed, 0, 0, ex.Attempts, ex.Message, 0, []));
                    // The file needs every contract: with the endpoint down, requesting the other 175 (each with its
                    // retries) took about 25 minutes before this failure was reported.
                    break;
                }
            }

            string template = UrlMirror.Rewrite(source.Url, options.Mirror);
            var failedParts = parts.Where(p => p.Status == FetchStatus.Failed).ToList();
            if (failedParts.Count > 0)
            {
                int left = expirations.Count - parts.Count;
                string error = $"{failedParts.Count} VX contract(s) failed, file not written: " + string.Join("; ", failedParts.Select(p => p.Error))
                    + (left > 0 ? FormattableString.Invariant($" ({left} later contract(s) not requested: the file needs every one)") : "");
                return Failed(source, template, error, attempts) with { Parts = parts };
            }
            if (contracts.Count == 0) return Failed(source, template, "no VX contract listed (every request answered 404)", attempts) with { Parts = parts };

            ConvertedCsv csv;
            try
            {
                csv = VxFuturesCombiner.Combine(contracts);
            }
            catch (FormatException ex)
            {
                return Failed(source, template, ex.Message, attempts) with { Parts = parts };
            }
            return await WriteAndCommitAsync(source, template, csv, attempts, parts, ct).ConfigureAwait(false);
        }

        private async Task<FetchFileResult> WriteAndCommitAsync(DataSource source, string url, ConvertedCsv csv, int attempts, IReadOnlyList<FetchFileResult> parts, CancellationToken ct)
        {
            string temp = AtomicFile.NewTempPath(folder, source.FileName);
            try
            {
                await File.WriteAllTextAsync(temp, csv.Text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), ct).ConfigureAwait(false);
                return Commit(source, url, temp, attempts, csv.DroppedRows, parts);
            }
            finally
            {
                AtomicFile.TryDelete(temp);
            }
        }

        private FetchFileResult Commit(DataSource source, string url, string temp, int attempts, int dropped, IReadOnlyList<FetchFileResult> parts)
        {
            progress?.Report(new FetchProgress(source.Name, source.FileName, FetchState.Validating, 0, null, attempts));
            string target = Path.Combine(folder, source.FileName);
            string? error = AtomicFile.Commit(temp, target, source.ExpectedHeader, options.Validate, out bool unchanged, out long bytes, out int rows);
            if (error is not null) return Failed(source, url, $"{url}: {error}", attempts) with { DroppedRows = dropped, Parts = parts };
            var status = unchanged ? FetchStatus.Unchanged : FetchStatus.Written;
            return new FetchFileResult(source.Name, source.FileName, url, status, bytes, rows, attempts, null, dropped, parts);
        }

        private static FetchFileResult Failed(DataSource source, string url, string error, int attempts) =>
            new(source.Name, source.FileName, url, FetchStatus.Failed, 0, 0, attempts, error, 0, []);

        private HttpDownloader.ProgressCallback? Callback(DataSource source, string? part = null) =>
            progress is null
                ? null
                : (state, bytes, total, attempt) => progress.Report(new FetchProgress(source.Name, source.FileName, state, bytes, total, attempt, part));
    }
}
