namespace Alvh.Data.Research;

/// <summary>
/// A sweep's runners: the calling thread and <c>threads - 1</c> dedicated threads, which take the indices of a chunk
/// in turn until it is done (what <c>Parallel.For</c> did on the thread pool).
/// </summary>
/// <remarks>
/// Parallel.For ran the chunks on thread-pool threads, and the pool kept adding some through a long sweep (3 threads
/// after 1,000 DRIP runs, 5-6 after 100,000), each with its stack, its allocator arena and its own rented
/// <c>ArrayPool</c> arrays: a long sweep's resident set grew with them. Here the same threads run every chunk.
/// Failures are reported as Parallel.For reported them: a cancellation as <see cref="OperationCanceledException"/>
/// once the indices already taken are done, a run's exception (no further index taken once one fails) in an
/// <see cref="AggregateException"/>.
/// </remarks>
internal sealed class SweepWorkers : IDisposable
{
    private readonly Thread[] _threads;
    private readonly object _gate = new();
    private readonly ManualResetEventSlim _finished = new(false);
    private long _generation;
    private bool _stopping;
    private Action<int, int>? _body;
    private int _count;
    private int _next;
    private int _running;
    private volatile bool _failed;
    private CancellationToken _cancellationToken;
    private List<Exception>? _errors;

    /// <summary>Starts <paramref name="threads"/> - 1 dedicated threads (the caller of <see cref="Run"/> is the last).</summary>
    public SweepWorkers(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _threads = new Thread[threads - 1];
        for (int t = 0; t < _threads.Length; t++)
        {
            int runner = t + 1;
            _threads[t] = new Thread(() => Serve(runner)) { IsBackground = true, Name = $"alvh sweep {runner}" };
            _threads[t].Start();
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> for every index below <paramref name="count"/>, each once, and returns when all are done;
    /// the body's second argument is the runner's number (0 the caller, 1 to threads − 1 the dedicated threads), so that
    /// it can keep per-runner scratch (a run's <see cref="Alvh.Engine.RunBuffers"/>).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before or while the chunk ran.</exception>
    /// <exception cref="AggregateException">A run threw; its exception (and any other run's) inside.</exception>
    public void Run(int count, Action<int, int> body, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            (_body, _count, _next, _failed, _errors, _cancellationToken) = (body, count, 0, false, null, cancellationToken);
            _running = _threads.Length + 1;
            _finished.Reset();
            _generation++;
            Monitor.PulseAll(_gate);
        }
        Work(0);
        _finished.Wait();
        _body = null;
        if (_errors is { } errors) throw new AggregateException(errors);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Stops the dedicated threads once they are idle.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.PulseAll(_gate);
        }
        foreach (var thread in _threads) thread.Join();
        _finished.Dispose();
    }

    private void Serve(int runner)
    {
        long seen = 0;
        while (true)
        {
            lock (_gate)
            {
                while (_generation == seen && !_stopping) Monitor.Wait(_gate);
                if (_stopping) return;
                seen = _generation;
            }
            Work(runner);
        }
    }

    private void Work(int runner)
    {
        var body = _body!;
        int count = _count;
        while (!_failed && !_cancellationToken.IsCancellationRequested)
        {
            int index = Interlocked.Increment(ref _next) - 1;
            if (index >= count) break;
            try
            {
                body(index, runner);
            }
            catch (Exception e)
            {
                lock (_gate) (_errors ??= []).Add(e);
                _failed = true;
            }
        }
        if (Interlocked.Decrement(ref _running) == 0) _finished.Set();
    }
}
