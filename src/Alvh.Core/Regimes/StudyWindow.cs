namespace Alvh.Regimes;

/// <summary>A named stress period to study (see <see cref="StudyWindows"/>).</summary>
/// <param name="Id">Short id used on the command line, e.g. <c>2008</c>, <c>2018-02</c>.</param>
/// <param name="Name">Plain-words name.</param>
/// <param name="Start">First calendar day of the window (inclusive).</param>
/// <param name="End">Last calendar day of the window (inclusive).</param>
/// <param name="Reason">Why these dates: the events that bound the window and their public sources.</param>
public sealed record StudyWindow(string Id, string Name, DateOnly Start, DateOnly End, string Reason)
{
    /// <summary>True when <paramref name="date"/> lies in [Start, End].</summary>
    public bool Contains(DateOnly date) => date >= Start && date <= End;
}
