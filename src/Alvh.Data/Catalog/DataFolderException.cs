namespace Alvh.Data.Catalog;

/// <summary>No usable data folder; the message says how to get one. The CLI maps it to exit code 2.</summary>
public sealed class DataFolderException(string message) : Exception(message);
