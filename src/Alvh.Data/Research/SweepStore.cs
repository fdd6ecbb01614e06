using System.Globalization;
using Alvh.Research;
using Parquet;
using Parquet.Schema;

namespace Alvh.Data.Research;

/// <summary>
/// The output folder of a sweep: Parquet parts <c>results-partNNNNN.parquet</c> (together one Parquet
/// dataset: <c>SELECT * FROM read_parquet('DIR/results-part*.parquet')</c>) and <c>journal.txt</c>, one finished run id
/// per line.
/// </summary>
/// <remarks>
/// A Parquet file can be read only once its footer is written, so every flush of results closes a part:
/// it is written to a temporary name, flushed to disk and renamed, the folder flushed (its new name on disk), and only
/// then are its run ids appended to the journal and the journal flushed to disk (fsync). A process killed at any instant therefore leaves
/// whole parts and a journal that names a subset of their ids; a resumed sweep skips the ids found in the
/// journal or in the parts, deletes leftover temporary files and writes new parts. Each part holds rows
/// in ascending run id.
/// </remarks>
public sealed class SweepStore
{
    /// <summary>Journal file name.</summary>
    public const string JournalName = "journal.txt";

    private const string PartPrefix = "results-part";

    /// <summary>
    /// The parts' file pattern, for DuckDB's <c>read_parquet</c> and the summary's <c>parts</c>: the parts alone, where
    /// <c>*.parquet</c> took any other Parquet file a user kept in the folder as rows of the sweep (h90).
    /// </summary>
    public const string PartsPattern = PartPrefix + "*.parquet";

    /// <summary>Opens (and creates) the folder.</summary>
    public SweepStore(string folder)
        : this(folder, null)
    {
    }

    /// <summary>Opens (and creates) the folder; <paramref name="flush"/> stands in for the folder flush (tests).</summary>
    internal SweepStore(string folder, Func<string, string?>? flush)
    {
        Folder = folder;
        _flush = flush ?? Alvh.Data.Output.DirectorySync.Flush;
        Directory.CreateDirectory(folder);
    }

    private readonly Func<string, string?> _flush;

    /// <summary>The folder.</summary>
    public string Folder { get; }

    private int _nextPart = -1;

    private int _unflushedParts;

    /// <summary>
    /// Parts written whose folder could not be flushed after their rename (<see cref="Alvh.Data.Output.DirectorySync"/>):
    /// their names may not survive a power cut, though their journal lines will, and a resume would then skip their runs.
    /// </summary>
    public int UnflushedParts => Volatile.Read(ref _unflushedParts);

    /// <summary>Why the first of <see cref="UnflushedParts"/> was not flushed, or null.</summary>
    public string? FlushProblem { get; private set; }

    /// <summary>
    /// The finished parts, in part order: by number, not by name (past 99,999 parts the numbers outgrow their
    /// five digits, and "results-part100000" sorts before "results-part99999").
    /// </summary>
    /// <exception cref="GridFileException">A file named like a part whose number is not digits (a copy such as
    /// <c>results-part00003 (copy).parquet</c>): it failed with "The input string ... was not in a correct format",
    /// naming no file.</exception>
    public IReadOnlyList<string> Parts() =>
        Directory.GetFiles(Folder, PartsPattern).OrderBy(PartNumber).ToArray();

    private static int PartNumber(string path)
    {
        var number = Path.GetFileNameWithoutExtension(path)[PartPrefix.Length..];
        if (number.Length == 0 || !number.All(char.IsAsciiDigit) || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out int part))
        {
            throw new GridFileException($"{path}: not a part of a sweep (they are named {PartPrefix}NNNNN.parquet): move it out of the folder");
        }
        return part;
    }

    /// <summary>
    /// Reads one part with <paramref name="read"/>; a file that is not a readable Parquet file (cut or damaged after it was
    /// written) is named in the <see cref="SweepPartException"/>: it failed as "not a parquet file, head: ..." or as an internal
    /// error (Thrift header), naming no file.
    /// </summary>
    internal static async Task ReadPartAsync(string part, Func<ParquetReader, Task> read, CancellationToken cancellationToken)
    {
        try
        {
            await using var reader = await ParquetReader.CreateAsync(part, cancellationToken: cancellationToken);
            await read(reader);
        }
        catch (Exception e) when (e is not OperationCanceledException and not GridFileException and not FileNotFoundException)
        {
            throw new SweepPartException($"{part}: not a readable Parquet part of a sweep ({e.Message})", e);
        }
    }

    /// <summary>
    /// Refuses a part whose columns (names and types, in order) are not <paramref name="expected"/>, those of
    /// <paramref name="expectedFrom"/>: a part of another sweep copied into the folder. Its rows were read under the first
    /// part's column names (a putWing of 75 shown as condor.allocation, a weekday as drip.allocation), and on a resume its
    /// run ids were taken as this sweep's runs, which were then never made.
    /// </summary>
    /// <exception cref="GridFileException">The columns differ; the message names the part and the first difference.</exception>
    internal static void RequireColumns(string part, IReadOnlyList<DataField> fields, IReadOnlyList<DataField> expected, string expectedFrom)
    {
        static string Describe(DataField f) => $"{f.Name} ({(f.ClrType == typeof(double) ? "number" : f.ClrType == typeof(long) ? "integer" : "text")})";
        int n = Math.Max(fields.Count, expected.Count);
        for (int i = 0; i < n; i++)
        {
            if (i < fields.Count && i < expected.Count && string.Equals(fields[i].Name, expected[i].Name, StringComparison.Ordinal) && fields[i].ClrType == expected[i].ClrType) continue;
            string found = i < fields.Count ? Describe(fields[i]) : "missing";
            string wanted = i < expected.Count ? Describe(expected[i]) : "none";
            throw new GridFileException(string.Create(CultureInfo.InvariantCulture,
                $"{part}: a part of another sweep: its column {i + 1} is {found}, where {expectedFrom} has {wanted}: move it out of the folder"));
        }
    }

    /// <summary>True when the folder holds results or a journal.</summary>
    public bool HasResults => Parts().Count > 0 || File.Exists(Path.Combine(Folder, JournalName));

    /// <summary>
    /// Removes what a killed sweep left behind: its temporary files (a part's, <c>results-partNNNNN.parquet.tmp</c>, and the
    /// manifest's, <c>.sweep.manifest.*.tmp</c>; every <c>*.tmp</c> of the folder went, a user's own files in an --out
    /// shared with them included), and a torn last line of the journal (one without its newline). The torn line is cut rather than kept: the next part's ids are appended after it, and its digits ran
    /// into the first of them ("1" then "1\n" read back as run 11, a run that was never made and was then skipped).
    /// </summary>
    public void RemoveLeftovers()
    {
        foreach (var tmp in Directory.GetFiles(Folder, PartPrefix + "*.parquet.tmp")) File.Delete(tmp);
        foreach (var tmp in Directory.GetFiles(Folder, "." + Sweep.ManifestName + ".*.tmp")) File.Delete(tmp);
        var journal = Path.Combine(Folder, JournalName);
        if (!File.Exists(journal)) return;
        using var stream = new FileStream(journal, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        long end = stream.Length;
        var one = new byte[1];
        while (end > 0)
        {
            stream.Position = end - 1;
            stream.ReadExactly(one);
            if (one[0] == (byte)'\n') break;
            end--;
        }
        if (end == stream.Length) return;
        stream.SetLength(end);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Run ids already finished, ascending and each once: those in the journal (whole lines only: a line torn by a kill,
    /// the last one without its newline, does not count) and those in the parts. Eight bytes an id: the journal is
    /// read in blocks, not as text, and the ids are sorted rather than hashed. A journal of a million runs took 102 MB
    /// at once (its text, its lines and a hash set that kept 28 MB); now 25 MB are allocated for it and 8 MB kept.
    /// </summary>
    /// <exception cref="GridFileException">A part whose columns are not those of <paramref name="grid"/>'s parts (when given).</exception>
    public async Task<long[]> CompletedIdsAsync(ParameterGrid? grid = null, CancellationToken cancellationToken = default)
    {
        var expected = grid is null ? null : Schema(grid).GetDataFields();
        var done = new List<long>();
        var journal = Path.Combine(Folder, JournalName);
        if (File.Exists(journal))
        {
            await using var stream = new FileStream(journal, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, useAsync: true);
            var buffer = new byte[1 << 16];
            long value = 0;
            bool digits = false, valid = true;
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                for (int i = 0; i < read; i++)
                {
                    byte c = buffer[i];
                    if (c == (byte)'\n')
                    {
                        if (digits && valid) done.Add(value);
                        (value, digits, valid) = (0, false, true);
                    }
                    else if (valid && c >= (byte)'0' && c <= (byte)'9' && value <= (long.MaxValue - 9) / 10)
                    {
                        value = value * 10 + (c - '0');
                        digits = true;
                    }
                    else
                    {
                        // Not a run id (a line the journal never writes): the run is made again, as it would be if the
                        // line were torn.
                        valid = false;
                    }
                }
            }
        }
        var journaled = SortedDistinct(done);
        // A part's ids are journaled once it is on disk, so only those of the last part or two are new: the others are
        // looked up, not gathered a second time.
        var unjournaled = new List<long>();
        foreach (var part in Parts())
        {
            await ReadPartAsync(part, async reader =>
            {
                if (expected is not null) RequireColumns(part, reader.Schema.GetDataFields(), expected, "this sweep's grid");
                var field = reader.Schema.GetDataFields().First(f => f.Name == "runId");
                for (int g = 0; g < reader.RowGroupCount; g++)
                {
                    using var group = reader.OpenRowGroupReader(g);
                    var ids = new long[group.RowCount];
                    await group.ReadAsync<long>(field, ids, cancellationToken: cancellationToken);
                    foreach (long id in ids)
                    {
                        if (Array.BinarySearch(journaled, id) < 0) unjournaled.Add(id);
                    }
                }
            }, cancellationToken);
        }
        if (unjournaled.Count == 0) return journaled;
        unjournaled.AddRange(journaled);
        return SortedDistinct(unjournaled);
    }

    private static long[] SortedDistinct(List<long> ids)
    {
        var sorted = ids.ToArray();
        Array.Sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            if (distinct == 0 || sorted[i] != sorted[distinct - 1]) sorted[distinct++] = sorted[i];
        }
        return distinct == sorted.Length ? sorted : sorted[..distinct];
    }

    /// <summary>Writes one part (rows in ascending run id) and then journals its ids.</summary>
    public async Task WritePartAsync(ParameterGrid grid, IReadOnlyList<SweepRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) return;
        // The folder is listed once, for the first part this store writes; later parts count on from it (listing
        // it per part made a sweep of N parts read N²/2 names).
        if (_nextPart < 0)
        {
            var parts = Parts();
            _nextPart = parts.Count == 0 ? 0 : PartNumber(parts[^1]) + 1;
        }
        int next = _nextPart++;
        var path = Path.Combine(Folder, $"{PartPrefix}{next:D5}.parquet");
        var tmp = path + ".tmp";
        var schema = SchemaOf(grid);
        var fields = schema.GetDataFields();
        // The part is made in memory (tens of kilobytes) and written to its file in one call: Parquet writes through
        // asynchronous calls, and a file stream opened for synchronous I/O passes each of them to the thread pool.
        using var part = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(schema, part, cancellationToken: cancellationToken))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<long>(fields[0], Column(rows, r => r.RunId), cancellationToken: cancellationToken);
            for (int a = 0; a < grid.Axes.Count; a++)
            {
                var field = fields[1 + a];
                if (grid.Axes[a].IsNumeric) await group.WriteAsync<double>(field, Column(rows, r => r.Values[a].Number), cancellationToken: cancellationToken);
                else await group.WriteAsync(field, Column(rows, r => r.Values[a].Text));
            }
            for (int m = 0; m < RunMetrics.Names.Count; m++)
            {
                // A metric a run does not have (NaN: a window it does not cover, a Sharpe without volatility, a rejected
                // run) is written as null, Parquet's missing value: SQL aggregates skip it and sorts put it last, where a
                // NaN made DuckDB's avg() NaN and sorted above every number.
                await group.WriteAsync<double>(fields[1 + grid.Axes.Count + m], Column(rows, r => double.IsNaN(r.Metrics[m]) ? null : (double?)r.Metrics[m]), cancellationToken: cancellationToken);
            }
            await group.WriteAsync(fields[^1], Column(rows, r => r.Error));
        }
        WriteFlushed(tmp, part.GetBuffer().AsSpan(0, (int)part.Length));
        File.Move(tmp, path);
        // The part's name on disk before the journal names its runs: flushed, renamed and journaled, a part whose rename a
        // power cut lost left a journal naming runs no part held, and a resume skipped them.
        if (_flush(Folder) is { } problem)
        {
            // The part is written and its runs journaled all the same (a sweep that stopped here would lose them for
            // nothing); the sweep says so at its end, since a power cut could now lose the part's name.
            if (Interlocked.Increment(ref _unflushedParts) == 1) FlushProblem = problem;
        }
        Journal(rows);
    }

    /// <summary>The schema of <paramref name="grid"/>'s parts, made once for the parts this store writes of it.</summary>
    private ParquetSchema SchemaOf(ParameterGrid grid)
    {
        if (_schema is not { } held || held.Grid != grid) _schema = held = (grid, Schema(grid));
        return held.Schema;
    }

    private (ParameterGrid Grid, ParquetSchema Schema)? _schema;

    private static T[] Column<T>(IReadOnlyList<SweepRow> rows, Func<SweepRow, T> value)
    {
        var column = new T[rows.Count];
        for (int i = 0; i < column.Length; i++) column[i] = value(rows[i]);
        return column;
    }

    /// <summary>Writes <paramref name="bytes"/> to a new file at <paramref name="path"/> and flushes it to disk.</summary>
    private static void WriteFlushed(string path, ReadOnlySpan<byte> bytes)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Appends the ids of <paramref name="rows"/> to the journal, one a line, and flushes it to disk.</summary>
    private void Journal(IReadOnlyList<SweepRow> rows)
    {
        var text = new System.Text.StringBuilder(rows.Count * 8);
        foreach (var row in rows) text.Append(row.RunId.ToString(CultureInfo.InvariantCulture)).Append('\n');
        using var journal = new FileStream(Path.Combine(Folder, JournalName), FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
        journal.Write(System.Text.Encoding.ASCII.GetBytes(text.ToString()));
        journal.Flush(flushToDisk: true);
    }

    /// <summary>
    /// The schema of the parts: runId, one column per axis (double, or string for non-numeric axes), the metrics (optional
    /// doubles: null where a run has no value), error.
    /// </summary>
    public static ParquetSchema Schema(ParameterGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var fields = new List<Field> { new DataField<long>("runId") };
        foreach (var axis in grid.Axes) fields.Add(axis.IsNumeric ? new DataField<double>(axis.Path) : new DataField<string>(axis.Path, true));
        foreach (var name in RunMetrics.Names) fields.Add(new DataField<double?>(name));
        fields.Add(new DataField<string>("error", true));
        return new ParquetSchema(fields);
    }
}
