namespace Alvh.Data.Research;

/// <summary>A grid file or a grid value that cannot be used; the message names the key path.</summary>
public sealed class GridFileException(string message) : Exception(message);
