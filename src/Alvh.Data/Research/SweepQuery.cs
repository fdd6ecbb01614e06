using Parquet;
using Parquet.Schema;

namespace Alvh.Data.Research;

/// <summary>Reads the Parquet parts of a sweep folder.</summary>
public static class SweepQuery
{
    /// <summary>
    /// The <paramref name="count"/> best rows by column <paramref name="by"/> (highest first; lowest first
    /// when <paramref name="ascending"/>), rows without a value (null, or NaN in a part written before 2026-11-28)
    /// skipped, ties by run id. Streams the parts and keeps
    /// only the current best rows in memory.
    /// </summary>
    /// <returns>
    /// The column names (runId first), the rows (each value a double, a string or null), the runs ranked (those with a
    /// value) and those left out for having none.
    /// </returns>
    /// <exception cref="GridFileException">No such folder, no parts, a file named like a part that is not one, or no such column.</exception>
    /// <exception cref="SweepPartException">A part that is not a readable Parquet file (it is named).</exception>
    public static async Task<(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows, long Ranked, long LeftOut)> TopAsync(string folder, string by, int count, bool ascending, CancellationToken cancellationToken = default)
    {
        var parts = PartsIn(folder);
        if (parts.Count == 0) throw new GridFileException($"{folder}: no results-part*.parquet files");
        List<string>? columns = null;
        DataField[]? firstFields = null;
        string? firstPart = null;
        long ranked = 0, leftOut = 0;
        // Max-heap on "badness" so the worst kept row is dropped first.
        var heap = new PriorityQueue<object?[], (double, long)>(Comparer<(double Key, long Id)>.Create((x, y) => y.Key != x.Key ? y.Key.CompareTo(x.Key) : y.Id.CompareTo(x.Id)));
        foreach (var part in parts)
        {
            await SweepStore.ReadPartAsync(part, async reader =>
            {
                var fields = reader.Schema.GetDataFields();
                if (firstFields is null) (firstFields, firstPart) = (fields, Path.GetFileName(part));
                else SweepStore.RequireColumns(part, fields, firstFields, firstPart!);
                columns ??= fields.Select(f => f.Name).ToList();
                int key = columns.FindIndex(c => string.Equals(c, by, StringComparison.OrdinalIgnoreCase));
                if (key < 0 || fields[key].ClrType != typeof(double)) throw new GridFileException($"--by {by}: no such numeric column (columns: {string.Join(", ", columns.Where((c, i) => fields[i].ClrType == typeof(double)))})");
                for (int g = 0; g < reader.RowGroupCount; g++)
                {
                    using var group = reader.OpenRowGroupReader(g);
                    int n = (int)group.RowCount;
                    var data = new Array[fields.Length];
                    for (int f = 0; f < fields.Length; f++) data[f] = await Read(group, fields[f], n, cancellationToken);
                    var ids = (long[])data[0];
                    var keys = Keys(data[key]);
                    for (int r = 0; r < n; r++)
                    {
                        double k = keys[r];
                        if (double.IsNaN(k))
                        {
                            leftOut++;
                            continue;
                        }
                        ranked++;
                        double badness = ascending ? k : -k;
                        if (heap.Count == count && heap.TryPeek(out _, out var worst) && (badness > worst.Item1 || (badness == worst.Item1 && ids[r] > worst.Item2))) continue;
                        var row = new object?[fields.Length];
                        for (int f = 0; f < fields.Length; f++) row[f] = data[f].GetValue(r);
                        heap.Enqueue(row, (badness, ids[r]));
                        if (heap.Count > count) heap.Dequeue();
                    }
                }
            }, cancellationToken);
        }
        var rows = new List<object?[]>();
        while (heap.Count > 0) rows.Add(heap.Dequeue());
        rows.Reverse();
        return (columns!, rows, ranked, leftOut);
    }

    /// <summary>Every row of every part, in part order (for tests and small sweeps).</summary>
    public static async Task<IReadOnlyList<object?[]>> AllAsync(string folder, CancellationToken cancellationToken = default)
    {
        var rows = new List<object?[]>();
        foreach (var part in PartsIn(folder))
        {
            await SweepStore.ReadPartAsync(part, async reader =>
            {
                var fields = reader.Schema.GetDataFields();
                for (int g = 0; g < reader.RowGroupCount; g++)
                {
                    using var group = reader.OpenRowGroupReader(g);
                    int n = (int)group.RowCount;
                    var data = new Array[fields.Length];
                    for (int f = 0; f < fields.Length; f++) data[f] = await Read(group, fields[f], n, cancellationToken);
                    for (int r = 0; r < n; r++) rows.Add(data.Select(d => d.GetValue(r)).ToArray());
                }
            }, cancellationToken);
        }
        return rows;
    }

    /// <summary>
    /// True when some row of the folder's parts has no error (a run that was not rejected); reads the error column only,
    /// and stops at the first such row.
    /// </summary>
    public static async Task<bool> AnyAcceptedAsync(string folder, CancellationToken cancellationToken = default)
    {
        bool found = false;
        foreach (var part in PartsIn(folder))
        {
            await SweepStore.ReadPartAsync(part, async reader =>
            {
                var field = reader.Schema.GetDataFields().First(f => f.Name == "error");
                for (int g = 0; g < reader.RowGroupCount && !found; g++)
                {
                    using var group = reader.OpenRowGroupReader(g);
                    var errors = new string[group.RowCount];
                    await group.ReadAsync(field, errors, cancellationToken: cancellationToken);
                    found = errors.Any(e => e is null);
                }
            }, cancellationToken);
            if (found) return true;
        }
        return false;
    }

    /// <summary>The parts of an existing folder: a query of a folder that does not exist made it (the store creates its folder).</summary>
    private static IReadOnlyList<string> PartsIn(string folder) =>
        Directory.Exists(folder) ? new SweepStore(folder).Parts() : throw new GridFileException($"{folder}: no such folder (no sweep was written there)");

    /// <summary>A numeric column's values as sort keys, NaN where a row has none.</summary>
    private static double[] Keys(Array column) => column switch
    {
        double[] values => values,
        double?[] optional => Array.ConvertAll(optional, v => v ?? double.NaN),
        _ => throw new InvalidOperationException($"a numeric column read as {column.GetType().Name}"),
    };

    private static async Task<Array> Read(ParquetRowGroupReader group, DataField field, int n, CancellationToken cancellationToken)
    {
        if (field.ClrType == typeof(long))
        {
            var a = new long[n];
            await group.ReadAsync<long>(field, a, cancellationToken: cancellationToken);
            return a;
        }
        if (field.ClrType == typeof(double) && field.IsNullable)
        {
            var a = new double?[n];
            await group.ReadAsync<double>(field, a, cancellationToken: cancellationToken);
            return a;
        }
        if (field.ClrType == typeof(double))
        {
            var a = new double[n];
            await group.ReadAsync<double>(field, a, cancellationToken: cancellationToken);
            return a;
        }
        var s = new string[n];
        await group.ReadAsync(field, s, cancellationToken: cancellationToken);
        return s;
    }
}
