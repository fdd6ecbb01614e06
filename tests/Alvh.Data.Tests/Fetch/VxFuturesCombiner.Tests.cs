using Alvh.Data.Fetch;

namespace Alvh.Data.Tests.Fetch;

public class VxFuturesCombinerTests
{
    // Made-up rows in Cboe's per-contract format.
    private const string JanuaryContract =
        "Trade Date,Futures,Open,High,Low,Close,Settle,Change,Total Volume,EFP,Open Interest\n" +
        "2013-01-03,F (Jan 2013),15.00,15.50,14.80,15.10,15.05,0.05,1000,10,5000\n" +
        "2013-01-02,F (Jan 2013),16.00,16.20,15.90,16.00,15.00,0.00,900,0,4800\n";

    // Older files: a disclaimer line, MM/DD/YYYY dates, CRLF.
    private const string FebruaryContract =
        "CFE data is compiled for the convenience of site visitors.\r\n" +
        "Trade Date,Futures,Open,High,Low,Close,Settle,Change,Total Volume,EFP,Open Interest\r\n" +
        "01/02/2013,G (Feb 2013),17.00,17.10,16.90,17.05,17.00,0.10,500,5,3000\r\n";

    [Fact]
    public void Combine_SortsByTradeDateThenExpirationAndWritesIsoDates()
    {
        var csv = VxFuturesCombiner.Combine(
        [
            new VxContractFile(new DateOnly(2013, 2, 13), FebruaryContract),
            new VxContractFile(new DateOnly(2013, 1, 16), JanuaryContract),
        ]);

        csv.Text.Should().Be(
            "trade_date,expiration,open,high,low,close,settle,change,total_volume,efp,open_interest\n" +
            "2013-01-02,2013-01-16,16.00,16.20,15.90,16.00,15.00,0.00,900,0,4800\n" +
            "2013-01-02,2013-02-13,17.00,17.10,16.90,17.05,17.00,0.10,500,5,3000\n" +
            "2013-01-03,2013-01-16,15.00,15.50,14.80,15.10,15.05,0.05,1000,10,5000\n");
        csv.Rows.Should().Be(3);
    }

    [Fact]
    public void Combine_MatchesColumnsByNameAndLeavesMissingOnesEmpty()
    {
        const string reordered = "Trade Date,Settle,Futures,Close\n2013-01-02,15.00,F (Jan 2013),15.10\n";

        var csv = VxFuturesCombiner.Combine([new VxContractFile(new DateOnly(2013, 1, 16), reordered)]);

        csv.Text.Should().EndWith("\n2013-01-02,2013-01-16,,,,15.10,15.00,,,,\n");
    }

    [Fact]
    public void Combine_RejectsFileWithoutHeader()
    {
        var act = () => VxFuturesCombiner.Combine([new VxContractFile(new DateOnly(2013, 1, 16), "<html>maintenance</html>")]);

        act.Should().Throw<FormatException>().WithMessage("VX_2013-01-16.csv: no 'Trade Date' header*");
    }

    [Fact]
    public void Combine_RejectsUnreadableTradeDateNamingTheLine()
    {
        const string bad = "Trade Date,Settle\n2013-01-02,15.0\n2013-13-45,15.1\n";

        var act = () => VxFuturesCombiner.Combine([new VxContractFile(new DateOnly(2013, 1, 16), bad)]);

        act.Should().Throw<FormatException>().WithMessage("VX_2013-01-16.csv:3: unreadable trade date '2013-13-45'");
    }

    [Fact]
    public void Combine_RejectsARowWithMoreOrFewerFieldsThanTheHeader()
    {
        // One field too many shifted the row's values one column over: close 26.0 and settle 27.5 for 27.4.
        string extra = JanuaryContract + "2013-01-04,F (Jan 2013),27.0,29.0,28.0,26.0,27.5,27.4,0.1,1000,0,5000\n";
        string fewer = JanuaryContract + "2013-01-04,F (Jan 2013),27.0\n";

        var more = () => VxFuturesCombiner.Combine([new VxContractFile(new DateOnly(2013, 1, 16), extra, "https://cdn.example/VX_2013-01-16.csv")]);
        var less = () => VxFuturesCombiner.Combine([new VxContractFile(new DateOnly(2013, 1, 16), fewer)]);

        more.Should().Throw<FormatException>().WithMessage("VX_2013-01-16.csv (https://cdn.example/VX_2013-01-16.csv):4: 12 fields, the header has 11");
        less.Should().Throw<FormatException>().WithMessage("VX_2013-01-16.csv:4: 3 fields, the header has 11");
    }

    [Fact]
    public void Combine_NamesTheContractsLineAndFieldOfABadNumber()
    {
        // It was found in the combined file, at a line of a file never written.
        string bad = JanuaryContract.Replace("15.05,0.05", "15.O5,0.05", StringComparison.Ordinal);

        var act = () => VxFuturesCombiner.Combine([new VxContractFile(new DateOnly(2013, 1, 16), bad)]);

        act.Should().Throw<FormatException>().WithMessage("VX_2013-01-16.csv:2: field 'Settle': not a number: '15.O5'");
    }
}
