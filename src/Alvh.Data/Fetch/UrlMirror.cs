namespace Alvh.Data.Fetch;

/// <summary>Rewrites public URLs to a mirror: <c>https://host/path?query</c> → <c>{mirror}/host/path?query</c>.</summary>
public static class UrlMirror
{
    /// <summary>
    /// The URL to request for <paramref name="url"/>: unchanged when <paramref name="mirror"/> is
    /// null or empty, otherwise the mirror base (trailing slashes ignored) followed by the host,
    /// path and query of the original URL. The port, if any, is kept with the host.
    /// </summary>
    public static string Rewrite(string url, string? mirror)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        if (string.IsNullOrEmpty(mirror)) return url;
        int schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0) throw new ArgumentException($"not an absolute URL: {url}", nameof(url));
        return mirror.TrimEnd('/') + "/" + url[(schemeEnd + 3)..];
    }
}
