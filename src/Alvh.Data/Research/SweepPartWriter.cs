using System.Runtime.ExceptionServices;

namespace Alvh.Data.Research;

/// <summary>
/// One dedicated thread that writes a sweep's parts, one at a time, while the runners make the next chunk.
/// </summary>
/// <remarks>
/// A part was written by <c>Task.Run</c> on whichever thread-pool thread was free; here one thread writes them all,
/// so a long sweep starts no thread a short one does not. The write's asynchronous calls (Parquet's API) are waited
/// on this thread: its file I/O completes synchronously.
/// </remarks>
internal sealed class SweepPartWriter : IDisposable
{
    private readonly Thread _thread;
    private readonly object _gate = new();
    private readonly ManualResetEventSlim _written = new(true);
    private Func<Task>? _write;
    private ExceptionDispatchInfo? _error;
    private bool _stopping;

    /// <summary>Starts the thread.</summary>
    public SweepPartWriter()
    {
        _thread = new Thread(Serve) { IsBackground = true, Name = "alvh sweep writer" };
        _thread.Start();
    }

    /// <summary>True while a part given to <see cref="Start"/> has not been waited for by <see cref="Wait"/>.</summary>
    public bool InFlight { get; private set; }

    /// <summary>Starts writing a part (<paramref name="write"/>); the previous one must have been waited for.</summary>
    public void Start(Func<Task> write)
    {
        if (InFlight) throw new InvalidOperationException("the previous part is still in flight");
        lock (_gate)
        {
            _error = null;
            _written.Reset();
            _write = write;
            Monitor.Pulse(_gate);
        }
        InFlight = true;
    }

    /// <summary>Waits for the part in flight and rethrows its failure, as awaiting its task did.</summary>
    public void Wait()
    {
        _written.Wait();
        InFlight = false;
        _error?.Throw();
    }

    /// <summary>Stops the thread once the part in flight is written.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.Pulse(_gate);
        }
        _thread.Join();
        _written.Dispose();
    }

    private void Serve()
    {
        while (true)
        {
            Func<Task>? write;
            lock (_gate)
            {
                while (_write is null && !_stopping) Monitor.Wait(_gate);
                if (_write is null) return;
                (write, _write) = (_write, null);
            }
            try
            {
                write().GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                _error = ExceptionDispatchInfo.Capture(e);
            }
            // Not held while the thread waits for the next part: unoptimized code reports a local as alive to the end of
            // its method, and the part written would live on through the next collection.
            write = null;
            _written.Set();
        }
    }
}
