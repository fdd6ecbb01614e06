using Alvh.Data.Fetch;

namespace Alvh.Data.Tests.Fetch;

public class UrlMirrorTests
{
    [Theory]
    [InlineData("https://fred.stlouisfed.org/graph/fredgraph.csv?id=DTB3", "http://127.0.0.1:8080", "http://127.0.0.1:8080/fred.stlouisfed.org/graph/fredgraph.csv?id=DTB3")]
    [InlineData("https://cdn.cboe.com/api/global/us_indices/daily_prices/VIX_History.csv", "http://proxy.local/mirror/", "http://proxy.local/mirror/cdn.cboe.com/api/global/us_indices/daily_prices/VIX_History.csv")]
    [InlineData("https://query1.finance.yahoo.com/v8/finance/chart/%5EGSPC?period1=0", "http://m", "http://m/query1.finance.yahoo.com/v8/finance/chart/%5EGSPC?period1=0")]
    public void Rewrite_PrefixesHostPathAndQueryWithTheMirror(string url, string mirror, string expected) =>
        UrlMirror.Rewrite(url, mirror).Should().Be(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Rewrite_LeavesUrlAloneWithoutMirror(string? mirror) =>
        UrlMirror.Rewrite("https://cdn.cboe.com/x.csv", mirror).Should().Be("https://cdn.cboe.com/x.csv");
}
