using Alvh.Regimes;

namespace Alvh.Core.Tests.Regimes;

public class StudyWindowsTests
{
    [Fact]
    public void Known_ids_in_order_with_reasons()
    {
        StudyWindows.All.Select(w => w.Id).Should().Equal("2008", "2011", "2015", "2018-02", "2018-q4", "2020", "2022");
        StudyWindows.All.Should().OnlyContain(w => w.Start < w.End && w.Reason.Length > 40);
        StudyWindows.Get("2018-Q4").Start.Should().Be(new DateOnly(2018, 10, 1));
        StudyWindows.Get("2020").Contains(new DateOnly(2020, 3, 16)).Should().BeTrue();
        StudyWindows.Find("1987").Should().BeNull();
        var act = () => StudyWindows.Get("1987");
        act.Should().Throw<KeyNotFoundException>();
    }
}
