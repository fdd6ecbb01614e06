namespace Alvh.Engine;

/// <summary>
/// Equality of instruments exactly as the record's (every field), with a cheap hash: the engine and the
/// ledger look instruments up several times a bar, and the record's hash runs a randomised string hash
/// of the symbol each time. Dictionaries enumerate in insertion order whatever the hash, so results do
/// not depend on this comparer.
/// </summary>
internal sealed class InstrumentComparer : IEqualityComparer<Instrument>, IEqualityComparer<(string Sleeve, Instrument Instrument)>
{
    /// <summary>The one instance (stateless).</summary>
    public static InstrumentComparer Instance { get; } = new();

    /// <inheritdoc />
    public bool Equals(Instrument x, Instrument y) =>
        x.Kind == y.Kind && x.Right == y.Right && x.Expiry == y.Expiry && x.Strike.Equals(y.Strike) && x.Multiplier.Equals(y.Multiplier) && string.Equals(x.Symbol, y.Symbol);

    /// <inheritdoc />
    public int GetHashCode(Instrument i) => HashCode.Combine((int)i.Kind | ((int)i.Right << 8), i.Strike, i.Expiry.DayNumber, Cheap(i.Symbol));

    /// <inheritdoc />
    public bool Equals((string Sleeve, Instrument Instrument) x, (string Sleeve, Instrument Instrument) y) =>
        string.Equals(x.Sleeve, y.Sleeve) && Equals(x.Instrument, y.Instrument);

    /// <inheritdoc />
    public int GetHashCode((string Sleeve, Instrument Instrument) key) => HashCode.Combine(Cheap(key.Sleeve), GetHashCode(key.Instrument));

    /// <summary>Length and end characters: enough to spread the few symbols and sleeve names of a run.</summary>
    private static int Cheap(string? s) => s is not { Length: > 0 } ? 0 : (s.Length << 16) ^ (s[0] << 8) ^ s[^1];
}
