using Alvh.Research;

namespace Alvh.Data.Research;

/// <summary>
/// The results of one chunk of a sweep's runs, held in arrays made once per sweep: a sweep keeps two (one running, one
/// being written) and reuses them for every chunk.
/// </summary>
/// <remarks>
/// A chunk's results live until its part is written, while the next chunk runs: across two collections, so as fresh
/// objects (a row, its values and metrics arrays per run) the GC promoted them to generation 2, where they stayed until
/// its next full collection. A 100,000-run DRIP sweep gathered megabytes of them there and committed a 4 MB region more
/// than a 1,000-run one. Here a run copies its metrics into the chunk's arrays, and the rows are made when the part is
/// written, and die with the write.
/// </remarks>
internal sealed class SweepChunk
{
    private readonly long[] _ids;
    private readonly double[] _metrics;
    private readonly string?[] _errors;
    private readonly int _width;

    /// <summary>A chunk of at most <paramref name="capacity"/> runs.</summary>
    public SweepChunk(int capacity)
    {
        _width = RunMetrics.Names.Count;
        _ids = new long[capacity];
        _metrics = new double[capacity * _width];
        _errors = new string?[capacity];
    }

    /// <summary>Runs in the chunk.</summary>
    public int Count { get; private set; }

    /// <summary>The run id of slot <paramref name="index"/>.</summary>
    public long Id(int index) => _ids[index];

    /// <summary>Why the run of slot <paramref name="index"/> was rejected, or null.</summary>
    public string? Error(int index) => _errors[index];

    /// <summary>Fills the chunk with the next ids of <paramref name="ids"/>; false when there were none.</summary>
    public bool Take(IEnumerator<long> ids)
    {
        Count = 0;
        while (Count < _ids.Length && ids.MoveNext()) _ids[Count++] = ids.Current;
        return Count > 0;
    }

    /// <summary>Records the run of slot <paramref name="index"/>: its metrics (<see cref="RunMetrics.Names"/> order) copied, or its error and NaN.</summary>
    public void Set(int index, ReadOnlySpan<double> metrics, string? error)
    {
        var slot = _metrics.AsSpan(index * _width, _width);
        if (error is null)
        {
            if (metrics.Length != _width) throw new InvalidOperationException($"a run returned {metrics.Length} metrics, not {_width}");
            metrics.CopyTo(slot);
        }
        else
        {
            slot.Fill(double.NaN);
        }
        _errors[index] = error;
    }

    /// <summary>The chunk as rows in slot order, each with its values from <paramref name="grid"/> (made again: a range's are computed).</summary>
    public SweepRow[] Rows(ParameterGrid grid)
    {
        var rows = new SweepRow[Count];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = new SweepRow(_ids[i], grid.Assignment(_ids[i]), _metrics.AsSpan(i * _width, _width).ToArray(), _errors[i]);
        }
        return rows;
    }
}
