namespace Alvh.Research;

/// <summary>
/// The full factorial grid over some axes. Run ids are positions in the grid in mixed radix, the last
/// axis varying fastest: run id <c>k</c> always means the same parameter set, whatever the order or the
/// number of threads the runs are made in, and whatever subset is sampled.
/// </summary>
public sealed class ParameterGrid
{
    /// <summary>Creates the grid.</summary>
    /// <exception cref="ArgumentException">No axis, an axis without values, or two axes on one key path.</exception>
    public ParameterGrid(IReadOnlyList<GridAxis> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        if (axes.Count == 0) throw new ArgumentException("a grid needs at least one key path", nameof(axes));
        var duplicate = axes.GroupBy(a => a.Path, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"{duplicate.Key}: given twice", nameof(axes));
        long count = 1;
        foreach (var axis in axes)
        {
            if (axis.Values.Count == 0) throw new ArgumentException($"{axis.Path}: no values", nameof(axes));
            count = checked(count * axis.Values.Count);
        }
        Axes = axes;
        Count = count;
    }

    /// <summary>The axes, in file order.</summary>
    public IReadOnlyList<GridAxis> Axes { get; }

    /// <summary>Number of parameter sets in the full grid.</summary>
    public long Count { get; }

    /// <summary>The value of every axis for run <paramref name="runId"/>.</summary>
    public GridValue[] Assignment(long runId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(runId);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(runId, Count);
        var values = new GridValue[Axes.Count];
        for (int a = Axes.Count - 1; a >= 0; a--)
        {
            int radix = Axes[a].Values.Count;
            values[a] = Axes[a].Values[(int)(runId % radix)];
            runId /= radix;
        }
        return values;
    }

    /// <summary>
    /// The run ids to make, ascending: every id of the grid, or, when <paramref name="sample"/> is given and
    /// smaller than the grid, that many distinct ids drawn uniformly without replacement with Floyd's
    /// algorithm from an xoshiro256** generator seeded with <paramref name="seed"/> (same seed, same ids; every int
    /// its own stream). Not <see cref="Random"/>(int): its seeded generator takes the seed's absolute value, so
    /// --seed -5 drew the sample of --seed 5, and .NET does not promise its sequence across versions.
    /// </summary>
    public long[] RunIds(int? sample = null, int seed = 1)
    {
        if (sample is not { } n || n >= Count)
        {
            if (Count > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(sample), "the grid is too large to run in full: give a sample size");
            var all = new long[Count];
            for (long i = 0; i < Count; i++) all[i] = i;
            return all;
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n, nameof(sample));
        var random = new Xoshiro256StarStar(unchecked((ulong)(long)seed));
        var chosen = new HashSet<long>();
        for (long j = Count - n; j < Count; j++)
        {
            long t = random.NextInt64(j + 1);
            chosen.Add(chosen.Contains(t) ? j : t);
        }
        var ids = chosen.ToArray();
        Array.Sort(ids);
        return ids;
    }
}
