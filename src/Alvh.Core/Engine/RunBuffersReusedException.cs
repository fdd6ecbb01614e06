namespace Alvh.Engine;

/// <summary>
/// A result's daily columns, ledger entries or trades were read, or appended to, after a later run on the same
/// <see cref="RunBuffers"/> had taken their rows over. A defect of the caller, never a property of a run's inputs: a
/// sweep reports the run's own <see cref="InvalidOperationException"/>s as rejected runs, and lets this one end the
/// sweep as the internal error it is (derived from <see cref="InvalidOperationException"/>, which it was thrown as before).
/// </summary>
/// <param name="message">What was reused, and what to do instead.</param>
public sealed class RunBuffersReusedException(string message) : InvalidOperationException(message);
