namespace Alvh.Data.Research;

/// <summary>
/// A file in a sweep's folder that is not a readable part (cut or damaged after it was written, or a copy named like
/// one): bad input, like a data file that cannot be read; the message names the file.
/// </summary>
public sealed class SweepPartException(string message, Exception inner) : IOException(message, inner);
