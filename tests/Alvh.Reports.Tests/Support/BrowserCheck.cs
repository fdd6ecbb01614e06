using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Alvh.Reports.Tests.Support;

/// <summary>Opens a report in headless Chromium as a reader would and asserts what a reader needs: it loads, all of it.</summary>
public static class BrowserCheck
{
    /// <summary>Skips the test, saying why, when no Chromium is installed (.ci/run installs it).</summary>
    public static void RequireChromium() =>
        Skip.If(HeadlessChromium.Executable is null, "chromium is not installed: apt-get install -y chromium (.ci/run installs it)");

    /// <summary>
    /// Opens <paramref name="htmlPath"/>, fails on console errors, exceptions, failed loads, any request that is not
    /// file: or data:, a missing section or a broken image; keeps the screenshot as TestResults/<paramref name="screenshot"/>
    /// in the test's output folder and returns its path.
    /// </summary>
    public static async Task<string> OpenAsync(string htmlPath, IReadOnlyList<string> sectionIds, string screenshot)
    {
        var ids = new JsonArray([.. sectionIds.Select(id => JsonValue.Create(id))]).ToJsonString();
        var script = $$"""
            (() => {
              const ids = {{ids}};
              const images = [...document.images];
              return {
                missing: ids.filter(id => !document.querySelector('section#' + id)),
                order: [...document.querySelectorAll('section[id]')].map(s => s.id),
                images: images.length,
                broken: images.filter(i => !i.complete || i.naturalWidth === 0).map(i => i.alt),
                title: document.title,
                h1: document.querySelector('h1') ? document.querySelector('h1').textContent : null
              };
            })()
            """;
        await using var browser = await HeadlessChromium.LaunchAsync(TimeSpan.FromSeconds(60));
        var page = await browser.VisitAsync(new Uri(htmlPath).AbsoluteUri, script, 1280, TimeSpan.FromSeconds(90));

        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, screenshot);
        await File.WriteAllBytesAsync(path, page.Screenshot);

        page.Errors.Should().BeEmpty("the page must open without console errors, exceptions or failed loads");
        page.ForeignRequests.Should().BeEmpty("the report is self-contained and must make no network request");
        var result = page.Evaluation!.AsObject();
        result["missing"]!.AsArray().Should().BeEmpty("every section must be present");
        result["order"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal(sectionIds);
        result["broken"]!.AsArray().Should().BeEmpty("every image must decode");
        result["images"]!.GetValue<int>().Should().BeGreaterThan(0);
        result["h1"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        page.Screenshot.Length.Should().BeGreaterThan(10_000);
        return path;
    }
}
