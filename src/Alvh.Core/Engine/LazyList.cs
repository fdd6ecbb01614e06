using System.Collections;

namespace Alvh.Engine;

/// <summary>
/// A read-only list built on first use: a run's assumptions are formatted (dozens of numbers to text)
/// only when a report asks for them, not by every run of a sweep or simulation.
/// </summary>
/// <typeparam name="T">Item type.</typeparam>
internal sealed class LazyList<T>(Func<IReadOnlyList<T>> build) : IReadOnlyList<T>
{
    private readonly Lazy<IReadOnlyList<T>> _items = new(build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <inheritdoc />
    public T this[int index] => _items.Value[index];

    /// <inheritdoc />
    public int Count => _items.Value.Count;

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => _items.Value.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
