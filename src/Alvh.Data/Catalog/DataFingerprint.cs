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
        foreach (var file in data.Series.Select(s => s.File).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(Path.Combine(data.Folder, file));
            // Each file's name and length before its bytes, so that two files cannot run into each other.
            hash.AppendData(Encoding.UTF8.GetBytes(file));
            hash.AppendData(BitConverter.GetBytes((long)bytes.Length));
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
