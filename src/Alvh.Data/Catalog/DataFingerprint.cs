using System.Security.Cryptography;
using System.Text;
using Alvh.MarketData;

namespace Alvh.Data.Catalog;

/// <summary>
/// What a set of loaded market data was read from, as one SHA-256 in hex: the name and the bytes of every file the
/// catalog loaded, in name order. Two folders holding the same files give the same fingerprint wherever they are; a
/// file changed, added or removed gives another. A resumed sweep compares it, so that its runs all come from one data set.
/// </summary>
public static class DataFingerprint
{
    /// <summary>The fingerprint of the files <paramref name="data"/> was loaded from (read again from its folder).</summary>
    public static string Sha256(MarketDataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Streamed through one small buffer: read whole, the files (up to 2 MB each) were large objects that a sweep, which
        // collects only its young generations (SweepMemory), kept for its whole life: 13 MB more at its peak.
        var buffer = new byte[1 << 14];
        foreach (var file in data.Series.Select(s => s.File).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            using var stream = new FileStream(Path.Combine(data.Folder, file), FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            // Each file's name and length before its bytes, so that two files cannot run into each other.
            hash.AppendData(Encoding.UTF8.GetBytes(file));
            hash.AppendData(BitConverter.GetBytes(stream.Length));
            int read;
            while ((read = stream.Read(buffer)) > 0) hash.AppendData(buffer, 0, read);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
