using Alvh.Data.Fetch;

namespace Alvh.Data.Tests.Fetch;

public class SourceCatalogTests
{
    [Fact]
    public void All_WritesTheFileNamesTheLoaderRecognises()
    {
        SourceCatalog.All.Select(s => s.FileName).Should().BeEquivalentTo(
            "vix-daily.csv", "vix9d-daily.csv", "vix3m-daily.csv", "vix6m-daily.csv", "vvix-daily.csv", "skew-daily.csv",
            "dtb3-daily.csv", "dff-daily.csv", "spx-fred-close-daily.csv", "shiller-sp500-monthly.csv",
            "spy-daily.csv", "spy-dividends.csv", "spx-daily.csv", "vix-futures-cboe.csv");
        SourceCatalog.All.Select(s => s.Name).Should().OnlyHaveUniqueItems();
        SourceCatalog.All.Should().OnlyContain(s => s.Url.StartsWith("https://", StringComparison.Ordinal));
    }

    [Fact]
    public void Select_AcceptsCommaSeparatedNamesInCatalogOrder()
    {
        SourceCatalog.Select(["dtb3,VIX", "vx"]).Select(s => s.Name).Should().Equal("vix", "dtb3", "vx");
    }

    [Fact]
    public void Select_ReturnsAllWhenNothingIsNamed()
    {
        SourceCatalog.Select(null).Should().HaveCount(SourceCatalog.All.Count);
        SourceCatalog.Select([]).Should().HaveCount(SourceCatalog.All.Count);
    }

    [Fact]
    public void Select_RejectsUnknownNamesListingTheKnownOnes()
    {
        var act = () => SourceCatalog.Select(["vix", "vxx"]);

        act.Should().Throw<ArgumentException>().WithMessage("unknown source(s): vxx; known: vix, vix9d*");
    }
}
