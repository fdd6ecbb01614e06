using System.Globalization;
using Alvh.MarketData;

namespace Alvh.Data.Csv;

/// <summary>
/// Field parsers shared by the readers. Dates are ISO <c>YYYY-MM-DD</c> or the <c>MM/DD/YYYY</c>
/// of Cboe's own downloads (leading zeros optional). Numbers use the invariant culture; the
/// missing markers are an empty field and FRED's <c>.</c>.
/// </summary>
public static class CsvField
{
    /// <summary>Parses a date or throws naming file, line and field.</summary>
    public static DateOnly Date(ReadOnlySpan<char> text, string file, int line, string field)
    {
        if (TryDate(text, out var date)) return date;
        throw new DataFormatException(file, line, field, $"unknown date format '{Clip(text)}' (expected YYYY-MM-DD or MM/DD/YYYY)");
    }

    /// <summary>Parses <c>YYYY-MM-DD</c>, <c>YYYY-MM</c> (first of month) or <c>M/D/YYYY</c>; false otherwise.</summary>
    public static bool TryDate(ReadOnlySpan<char> s, out DateOnly date)
    {
        date = default;
        s = s.Trim();
        if (s.Length == 10 && s[4] == '-' && s[7] == '-')
        {
            return TryInt(s[..4], out int y) && TryInt(s.Slice(5, 2), out int m) && TryInt(s.Slice(8, 2), out int d) && Make(y, m, d, out date);
        }
        if (s.Length == 7 && s[4] == '-')
        {
            return TryInt(s[..4], out int y) && TryInt(s.Slice(5, 2), out int m) && Make(y, m, 1, out date);
        }
        int a = s.IndexOf('/');
        if (a is 1 or 2)
        {
            var rest = s[(a + 1)..];
            int b = rest.IndexOf('/');
            if (b is 1 or 2 && rest.Length - b - 1 == 4)
            {
                return TryInt(s[..a], out int m) && TryInt(rest[..b], out int d) && TryInt(rest[(b + 1)..], out int y) && Make(y, m, d, out date);
            }
        }
        return false;
    }

    /// <summary>Parses a required finite number or throws naming file, line and field.</summary>
    public static double Number(ReadOnlySpan<char> text, string file, int line, string field)
    {
        var s = text.Trim();
        if (s.IsEmpty || s is ".") throw new DataFormatException(file, line, field, "value is missing");
        return Parse(s, file, line, field);
    }

    /// <summary>Parses a number where an empty field or <c>.</c> means missing (NaN).</summary>
    public static double NumberOrMissing(ReadOnlySpan<char> text, string file, int line, string field)
    {
        var s = text.Trim();
        if (s.IsEmpty || s is "." || s.Equals("null", StringComparison.OrdinalIgnoreCase)) return double.NaN;
        return Parse(s, file, line, field);
    }

    /// <summary>Prices at or above this are refused as corrupted (1e9).</summary>
    public const double MaxPrice = 1e9;

    /// <summary>Parses a price that must be positive and below <see cref="MaxPrice"/>.</summary>
    public static double Price(ReadOnlySpan<char> text, string file, int line, string field)
    {
        double v = Number(text, file, line, field);
        if (v <= 0) throw new DataFormatException(file, line, field, $"price must be positive, got {v.ToString(CultureInfo.InvariantCulture)}");
        // No index level, ETF or share trades near a billion: such a value is a corrupted field (1e308 passed and reached
        // the backtests).
        if (v >= MaxPrice) throw new DataFormatException(file, line, field, $"implausible price {v.ToString(CultureInfo.InvariantCulture)} (at least {MaxPrice.ToString(CultureInfo.InvariantCulture)})");
        return v;
    }

    private static double Parse(ReadOnlySpan<char> s, string file, int line, string field)
    {
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)) return v;
        throw new DataFormatException(file, line, field, $"not a number: '{Clip(s)}'");
    }

    private static bool TryInt(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        if (s.IsEmpty) return false;
        foreach (char c in s)
        {
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    private static bool Make(int y, int m, int d, out DateOnly date)
    {
        date = default;
        if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateOnly(y, m, d);
        return true;
    }

    private static string Clip(ReadOnlySpan<char> s) => s.Length <= 40 ? s.ToString() : string.Concat(s[..40], "...");
}
