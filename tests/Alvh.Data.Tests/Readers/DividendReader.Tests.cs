using Alvh.Data.Readers;
using Alvh.MarketData;

namespace Alvh.Data.Tests.Readers;

// Layouts: a plain ex_date,amount,pay_date list (what `alvh data fetch` writes) and the shared
// file's ex_date,amount_yahoo,amount_precise,pay_date,sources,note. Values made up.
public class DividendReaderTests
{
    [Fact]
    public void Reads_plain_lists_with_optional_pay_dates()
    {
        var r = DividendReader.Parse("ex_date,amount,pay_date\n2020-03-20,1.25,2020-04-30\n2020-06-19,1.5,\n", "spy-dividends", "d.csv");
        r.Value.Dividends.Should().Equal(
            new Dividend(new DateOnly(2020, 3, 20), 1.25, new DateOnly(2020, 4, 30)),
            new Dividend(new DateOnly(2020, 6, 19), 1.5, null));
    }

    [Fact]
    public void A_precise_amount_far_from_the_other_is_reported_at_its_line()
    {
        // 0.5 against 1.2 was taken without a word; gaps within a cent (Yahoo's rounding) are not findings.
        var text = "ex_date,amount_yahoo,amount_precise,pay_date,sources,note\n" +
                   "2015-03-20,1.2,1.203456,2015-04-30,both,\n" +
                   "2015-06-19,1.2,0.5,2015-07-31,both,\n" +
                   "2015-09-18,,1.104321,2015-10-30,precise-only,\n";
        var r = DividendReader.Parse(text, "spy-dividends", "d.csv");
        r.Value.Dividends.Select(d => d.Amount).Should().Equal(1.203456, 0.5, 1.104321);
        r.Issues.Where(i => i.Kind == "source-disagreement").Should().ContainSingle().Which.Should().Match<DataIssue>(i =>
            i.Line == 3 && i.Message == "2015-06-19: amount_precise 0.5 and amount_yahoo 1.2 differ by more than 0.01; amount_precise used");
    }

    [Fact]
    public void Prefers_the_precise_amount_and_reports_the_rule_and_notes()
    {
        var text = "ex_date,amount_yahoo,amount_precise,pay_date,sources,note\n" +
                   "2014-03-21,0.9,,,yahoo-only,\n" +
                   "2015-03-20,1.2,1.203456,2015-04-30,both,\n" +
                   "2015-06-19,1.1,1.104321,2015-07-31,both,amounts disagree\n";
        var r = DividendReader.Parse(text, "spy-dividends", "d.csv");
        r.Value.Dividends.Select(d => d.Amount).Should().Equal(0.9, 1.203456, 1.104321);
        r.Issues.Should().Contain(i => i.Kind == "amount-rule");
        r.Issues.Should().Contain(i => i.Kind == "source-note" && i.Line == 4);
    }

    [Fact]
    public void Pay_date_before_ex_date_is_an_error()
    {
        var act = () => DividendReader.Parse("ex_date,amount,pay_date\n2020-03-20,1.25,2020-03-01\n", "x", "d.csv");
        act.Should().Throw<DataFormatException>().Where(e => e.Line == 2 && e.Field == "pay_date");
    }

    [Fact]
    public void Zero_amount_is_an_error()
    {
        var act = () => DividendReader.Parse("ex_date,amount\n2020-03-20,0\n", "x", "d.csv");
        act.Should().Throw<DataFormatException>().Where(e => e.Line == 2 && e.Field == "amount");
    }
}
