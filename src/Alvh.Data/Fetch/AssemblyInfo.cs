using System.Runtime.CompilerServices;

// The downloader's retry and atomic-write internals are tested directly.
[assembly: InternalsVisibleTo("Alvh.Data.Tests")]
