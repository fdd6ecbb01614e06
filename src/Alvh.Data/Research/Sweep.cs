using System.Diagnostics;
using Alvh.Data.Output;
using Alvh.Research;

namespace Alvh.Data.Research;

/// <summary>
/// Runs a parameter sweep in parallel and streams its rows to a <see cref="SweepStore"/>.
/// </summary>
/// <remarks>
/// The run ids still to do are taken in ascending order in chunks of <see cref="SweepRequest.FlushEvery"/>;
/// a chunk runs in parallel (on <see cref="SweepRequest.Threads"/> threads, <see cref="SweepWorkers"/>) into a slot
/// per id and is written as one part in id order, so the parts and their rows are the same for any thread
/// count, and memory holds two chunks of results whatever the size of the sweep: a part is written while the
/// next chunk runs, so a kill may lose the chunk running and the part being written (a cancelled sweep writes every
/// chunk it finished; a resume makes the rest). The cost is a barrier
/// per chunk: the last run of a chunk may leave cores idle for a fraction of one run.
/// </remarks>
public static class Sweep
{
    /// <summary>Distinct run errors a summary keeps (memory must not grow with the sweep).</summary>
    public const int ErrorsKept = 5;

    /// <summary>Name of the file holding the sweep's manifest.</summary>
    public const string ManifestName = "sweep.manifest";

    /// <summary>Runs (or resumes) the sweep.</summary>
    /// <exception cref="GridFileException">A fresh sweep into a folder with results, a resume of a different sweep, or a folder another sweep is writing to.</exception>
    public static async Task<SweepSummary> RunAsync(SweepRequest request, Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var store = new SweepStore(request.Folder, request.FlushFolder);
        using var folderLock = Lock(request.Folder);
        var manifestPath = Path.Combine(request.Folder, ManifestName);
        bool written = false;
        if (request.Resume)
        {
            // Results without a manifest (deleted, or parts copied into a folder) are of no sweep this one can match: resumed,
            // their runs were taken as done, whatever sweep had made them.
            if (!File.Exists(manifestPath) && store.HasResults)
            {
                throw new GridFileException($"{request.Folder} holds sweep results but no {ManifestName}, which names the sweep they are of: resume needs it, or choose another --out");
            }
            // Only a folder with results holds a sweep to match: a manifest alone (a sweep killed before its first part)
            // constrains nothing, whatever it says.
            if (File.Exists(manifestPath) && store.HasResults)
            {
                string held = await File.ReadAllTextAsync(manifestPath, cancellationToken);
                written = held == request.Manifest || request.SameSweepAsWrittenBefore?.Invoke(held) == true;
                if (!written) throw new GridFileException($"{request.Folder} holds a different sweep (strategy, grid, sample, period, data or the metrics' rules changed; see its {ManifestName}): resume needs the same inputs and build rules; {FirstDifference(held, request.Manifest)}");
            }
            store.RemoveLeftovers();
        }
        else if (store.HasResults)
        {
            throw new GridFileException($"{request.Folder} already holds sweep results: add --resume to continue it, or choose another --out");
        }
        // Through a temporary file and a rename, and not again on a resume that matched it: written in place (truncated,
        // then filled) on every start, a kill in between left it empty or cut, and every later resume was refused as
        // "a different sweep".
        if (!written) AtomicWriter.WriteText(manifestPath, request.Manifest);

        request.Strategy.Validate(request.Grid);
        // A full grid is walked by id without an array of its ids (memory must not grow with the sweep's size);
        // a sample is a sorted array of the chosen ids.
        var grid = request.Grid;
        bool sampled = request.Sample is { } n && n < grid.Count;
        if (!sampled && grid.Count > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(request), "the grid is too large to run in full: give a sample size");
        IEnumerable<long> ids = sampled ? grid.RunIds(request.Sample, request.Seed) : LongRange(grid.Count);
        int total = sampled ? request.Sample!.Value : (int)grid.Count;
        long[] done = request.Resume ? await store.CompletedIdsAsync(request.Grid, cancellationToken) : [];
        int skipped = done.Length == 0 ? 0 : ids.Count(id => Array.BinarySearch(done, id) >= 0);
        var todo = done.Length == 0 ? ids : ids.Where(id => Array.BinarySearch(done, id) < 0);
        if (request.StopAfter is { } stop) todo = todo.Take(stop);
        var paths = request.Grid.Axes.Select(a => a.Path).ToArray();
        var clock = Stopwatch.StartNew();
        int failed = 0, made = 0;
        // Grouped by reason, without the run's values (StrategyPatch ends a rejection with them): grouped by the whole
        // message, every combination was its own reason, so a grid whose drip and condor allocations sum to 1 in half its
        // points said "1 run rejected" five times, then "43 more runs rejected for other reasons", all for two sums.
        var errors = new List<(string Reason, string? Values, int Runs)>();
        long collectedAt = SweepMemory.Start();
        // The same threads run every chunk and write every part: on the thread pool a long sweep gathered more threads
        // than a short one (SweepWorkers). A part is written (Parquet, then two flushes to disk) while the next chunk
        // runs: writing in turn with the runs left the cores idle through every write and its flushes.
        int runners = Math.Max(1, request.Threads);
        using var workers = new SweepWorkers(runners);
        // Each runner's daily columns, reused from run to run (a run's result does not outlive Evaluate).
        var buffers = new Alvh.Engine.RunBuffers[runners];
        for (int b = 0; b < buffers.Length; b++) buffers[b] = new Alvh.Engine.RunBuffers();
        using var writer = new SweepPartWriter();
        // Two chunks of results, reused: one running while the other is written (SweepChunk).
        // No larger than the sweep: sized by --flush-every alone, 2147483647 (one part, the user meant) failed to allocate them.
        int chunkSize = Math.Max(1, Math.Min(request.FlushEvery, total));
        var running = new SweepChunk(chunkSize);
        var writing = new SweepChunk(chunkSize);
        // One body for every chunk, reading the chunk that runs (a closure per chunk lived through the chunk).
        void Run(int i, int runner)
        {
            long id = running.Id(i);
            var values = request.Grid.Assignment(id);
            double[]? metrics = null;
            string? rejected = null;
            try
            {
                metrics = request.Evaluate(request.Strategy.Apply(paths, values), buffers[runner]);
            }
            // A run's refusal of its parameters (a grid value, a check across keys, the engine refusing what they ask) is a
            // rejected run; a reused result's rows are the sweep's own defect and end it (a rejection would hide it in the rows).
            catch (Exception e) when (e is GridFileException or ArgumentException || e is InvalidOperationException and not Alvh.Engine.RunBuffersReusedException)
            {
                rejected = e.Message;
            }
            running.Set(i, metrics, rejected);
        }
        Action<int, int> body = Run;
        using var remaining = todo.GetEnumerator();
        try
        {
            while (running.Take(remaining))
            {
                workers.Run(running.Count, body, cancellationToken);
                for (int i = 0; i < running.Count; i++)
                {
                    if (running.Error(i) is not { } error) continue;
                    failed++;
                    var (reason, values) = SplitValues(error);
                    int known = errors.FindIndex(e => e.Reason == reason);
                    if (known >= 0) errors[known] = errors[known] with { Runs = errors[known].Runs + 1 };
                    else if (errors.Count < ErrorsKept) errors.Add((reason, values, 1));
                }
                if (writer.InFlight) Written(writing.Count);
                (running, writing) = (writing, running);
                // Not cancellable: a part takes milliseconds, and a cancelled sweep keeps every chunk it finished.
                var part = writing;
                writer.Start(() => WritePart(part));
                SweepMemory.Collect(ref collectedAt);
            }
            if (writer.InFlight) Written(writing.Count);
        }
        finally
        {
            // A run that failed or was cancelled leaves no write behind it: the part in flight is finished (or fails)
            // before the sweep returns, so its rows are either journaled or left for a resume.
            if (writer.InFlight)
            {
                try
                {
                    writer.Wait();
                }
                catch (Exception)
                {
                    // The sweep reports the error that ended it (the runs'); this part's failure is left to the resume.
                }
            }
        }
        var reasons = errors.Select(e => (e.Values is null ? e.Reason : $"{e.Reason} ({(e.Runs == 1 ? "values" : "values of the first")}: {e.Values})", e.Runs)).ToList();
        return new SweepSummary(total, skipped, made, failed, clock.Elapsed.TotalSeconds, reasons, store.UnflushedParts, store.FlushProblem);

        async Task WritePart(SweepChunk part)
        {
            var rows = part.Rows(request.Grid);
            if (request.BeforeWrite is { } before) await before(rows);
            await store.WritePartAsync(request.Grid, rows, CancellationToken.None);
        }

        void Written(int rows)
        {
            writer.Wait();
            made += rows;
            progress?.Invoke(skipped + made, total);
        }
    }

    /// <summary>Name of the file a sweep holds locked while it writes to its folder.</summary>
    public const string LockName = ".sweep.lock";

    /// <summary>
    /// Locks the folder for this sweep (the lock goes with the process, a kill included). Two sweeps of one folder at once
    /// (a --resume started in a second terminal while the first still ran) each made the runs the other had not journaled
    /// when it started, and the later one deleted the other's part in flight as a leftover or failed on a part name the
    /// other had taken ("results-part00125.parquet already exists"), exit 1.
    /// </summary>
    private static FileStream Lock(string folder)
    {
        try
        {
            return new FileStream(Path.Combine(folder, LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new GridFileException($"{folder}: another sweep is writing to this folder (it holds {LockName}): wait for it to end, or stop it and resume ({e.Message})");
        }
    }

    /// <summary>
    /// The first line where a folder's manifest and this sweep's differ, both shown: the refusal named no input, and
    /// finding which of the strategy's hundred lines, the grid, the seed or the data had changed meant diffing by hand.
    /// </summary>
    private static string FirstDifference(string held, string wanted)
    {
        var a = held.ReplaceLineEndings("\n").Split('\n');
        var b = wanted.ReplaceLineEndings("\n").Split('\n');
        int line = 0;
        while (line < a.Length && line < b.Length && a[line] == b[line]) line++;
        static string Shown(string[] lines, int k) => k >= lines.Length ? "(none)" : lines[k].Length <= 160 ? $"'{lines[k]}'" : $"'{lines[k][..160]}...'";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"its {ManifestName} line {line + 1} is {Shown(a, line)}, this sweep's {Shown(b, line)}");
    }

    /// <summary>A run's error split into its reason and the values <see cref="StrategyPatch"/> ends it with, or null when it has none.</summary>
    private static (string Reason, string? Values) SplitValues(string error)
    {
        const string Marker = " (values: ";
        int at = error.LastIndexOf(Marker, StringComparison.Ordinal);
        return at < 0 || !error.EndsWith(')') ? (error, null) : (error[..at], error[(at + Marker.Length)..^1]);
    }

    private static IEnumerable<long> LongRange(long count)
    {
        for (long i = 0; i < count; i++) yield return i;
    }
}
