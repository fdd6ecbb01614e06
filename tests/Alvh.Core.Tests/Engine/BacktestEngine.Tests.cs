using Alvh.Engine;
using Alvh.Ledger;
using Alvh.MarketData;
using Alvh.Sleeves;

namespace Alvh.Core.Tests.Engine;

/// <summary>Hand-computed scenarios of the daily loop; every expected number is worked out in the comments.</summary>
public class BacktestEngineTests
{
    private static readonly DateOnly Mon = new(2020, 1, 6);

    private static Instrument SpxPut(double strike, DateOnly expiry) => Instrument.SpxOption(Alvh.Pricing.OptionRight.Put, strike, expiry);

    private static Instrument SpxCall(double strike, DateOnly expiry) => Instrument.SpxOption(Alvh.Pricing.OptionRight.Call, strike, expiry);

    private static Instrument VixCall(double strike, DateOnly expiry) => Instrument.VixOption(Alvh.Pricing.OptionRight.Call, strike, expiry);

    /// <summary>A roll's calls: the held spread C20/C30 expiring in 20 days, the new one C25/C35 in 50.</summary>
    private static (Instrument C20, Instrument C30, Instrument C25, Instrument C35) RollCalls() =>
        (VixCall(20, Mon.AddDays(20)), VixCall(30, Mon.AddDays(20)), VixCall(25, Mon.AddDays(50)), VixCall(35, Mon.AddDays(50)));

    private static BacktestResult RunDrip(MarketDataSet data, BacktestConfig config, DividendPolicy policy = DividendPolicy.ReinvestOnPayDate) =>
        BacktestEngine.Run(data, [new DripSleeve(dividends: policy, fallbackSymbol: null)], new EquityPriceModel(data, halfSpreadBps: 0), config);

    [Fact]
    public void A_dividend_is_entitled_on_the_ex_date_and_reinvested_at_the_pay_date_close()
    {
        // Mon..Fri; SPY opens equal closes on the fill day so the first buy is exactly 100 shares.
        var days = SyntheticMarket.Weekdays(Mon, 5);
        double[] open = [100, 100, 99, 100, 101];
        double[] close = [100, 102, 100, 101, 104];
        var dividend = new Dividend(days[2], 1.00, days[4]);
        var data = SyntheticMarket.Build(days, open, close, [dividend]);
        var r = RunDrip(data, new BacktestConfig { InitialCapital = 10_000, Dividends = Dividends(dividend) });

        // Day 0: 10,000 cash, decides to buy 10,000/100 = 100 shares; fills day 1 at the open (100).
        // Day 1: 100 × 102 = 10,200. Day 2 (ex): 100 × 100 + 100 receivable = 10,100.
        // Day 3: 100 × 101 + 100 = 10,200. Day 4 (pay): 100 + 100/104 shares at 104 = 10,500.
        r.Daily.Select(d => d.Equity).Should().Equal([10_000, 10_200, 10_100, 10_200, 10_500], (a, b) => Math.Abs(a - b) < 1e-9);
        r.Ledger.Quantity("drip", Instrument.Equity("SPY")).Should().BeApproximately(100 + 100.0 / 104, 1e-12);
        r.Ledger.Entries.Select(e => e.Kind).Should().Equal(EntryKind.Deposit, EntryKind.Fill, EntryKind.Dividend, EntryKind.Reinvestment);
        r.Ledger.Cash("drip").Should().BeApproximately(0, 1e-9);
    }

    [Fact]
    public void A_drip_keeping_its_dividends_in_cash_does_not_buy_them_back_with_its_cash()
    {
        // The days of the first test. Dividends: Cash books the $100 on the pay date (day 4) as cash and reinvests nothing.
        // Before, the DRIP's rule that invests its cash bought it back into SPY at the next open, as if reinvested.
        var days = SyntheticMarket.Weekdays(Mon, 7);
        double[] open = [100, 100, 99, 100, 101, 105, 106];
        double[] close = [100, 102, 100, 101, 104, 105, 107];
        var dividend = new Dividend(days[2], 1.00, days[4]);
        var data = SyntheticMarket.Build(days, open, close, [dividend]);
        var r = RunDrip(data, new BacktestConfig { InitialCapital = 10_000, Dividends = Dividends(dividend) }, DividendPolicy.Cash);

        // 100 shares from day 1 on, and the dividend's 100 dollars held in cash from day 4: equity = 100 × close + 100.
        r.Ledger.Quantity("drip", Instrument.Equity("SPY")).Should().Be(100);
        r.Ledger.Cash("drip").Should().BeApproximately(100, 1e-9);
        r.Daily.Select(d => d.Equity).Should().Equal([10_000, 10_200, 10_100, 10_200, 10_500, 10_600, 10_800], (a, b) => Math.Abs(a - b) < 1e-9);
        r.Ledger.Entries.Select(e => e.Kind).Should().Equal(EntryKind.Deposit, EntryKind.Fill, EntryKind.Dividend);

        // The default policy, on the same days, reinvests it at the pay date's close (the first test's figures).
        var reinvested = RunDrip(data, new BacktestConfig { InitialCapital = 10_000, Dividends = Dividends(dividend) });
        reinvested.Ledger.Quantity("drip", Instrument.Equity("SPY")).Should().BeApproximately(100 + 100.0 / 104, 1e-12);
    }

    /// <summary>
    /// Kept dividends a reserve refill spends are kept no more. Jan 20 .. Feb 10 2020, SPY 100 throughout; capital 10,000:
    /// DRIP 9,000 (90 shares), "reserve" 1,000, which sends 900 to the DRIP on day 0 (9 more shares). The $1 dividend
    /// (ex day 3, paid day 4) leaves $99 in the DRIP's cash, kept. On Feb 3 (day 10), the month's first trading day, the
    /// reserve (100) is under half its target: the DRIP pays the refill from its cash, the 99 included, and sells shares
    /// for the rest (filled day 11). The reserve then sends 500 to the DRIP (ordered day 12): none of it is a dividend,
    /// and all of it is invested. Counted as still kept, the spent 99 held back 99 of it (cash 99 at the end).
    /// </summary>
    [Fact]
    public void Kept_dividends_spent_on_a_reserve_refill_no_longer_hold_back_later_cash()
    {
        var days = SyntheticMarket.Weekdays(new DateOnly(2020, 1, 20), 16);
        var flat = Enumerable.Repeat(100.0, days.Length).ToArray();
        var dividend = new Dividend(days[3], 1.00, days[4]);
        var data = SyntheticMarket.Build(days, flat, flat, [dividend]);
        var drip = new DripSleeve(allocation: 0.9, fallbackSymbol: null, dividends: DividendPolicy.Cash,
            fundedSleeves: new Dictionary<string, double> { ["reserve"] = 0.1 });
        var r = BacktestEngine.Run(data, [drip, new Payer("reserve", 0.1, (0, 900), (12, 500))], new EquityPriceModel(data, halfSpreadBps: 0),
            new BacktestConfig { InitialCapital = 10_000, Dividends = Dividends(dividend) });

        double CashOn(DateOnly day) => r.Ledger.Entries.Where(e => e.Sleeve == "drip" && e.Date <= day).Sum(e => e.Cash);
        r.Ledger.Entries.Single(e => e.Kind == EntryKind.Dividend).Cash.Should().BeApproximately(99, 1e-9);
        CashOn(days[10]).Should().BeApproximately(99, 1e-9, "the dividend kept in cash until the refill");
        r.Trades.Should().ContainSingle(t => t.Sleeve == "drip" && t.Reason == "fund reserves" && t.Date == days[11]);
        CashOn(days[11]).Should().BeApproximately(0, 1e-6, "the refill took the DRIP's cash, the dividend with it");
        CashOn(days[13]).Should().BeApproximately(500, 1e-6, "the reserve's 500, paid at day 13's fill");
        r.Ledger.Cash("drip").Should().BeApproximately(0, 1e-6, "the 500 invested in full at day 14's open");
    }

    /// <summary>Sends given amounts of its cash to the DRIP on given days.</summary>
    private sealed class Payer(string name, double allocation, params (int Day, double Amount)[] payments) : TestSleeve(name, allocation, wholeShares: false)
    {

        public override void Decide(SleeveContext context, List<Intent> intents)
        {
            foreach (var (day, amount) in payments)
            {
                if (day == context.Day) intents.Add(Intent.Transfer(Name, "drip", amount, "pay the DRIP"));
            }
        }
    }

    [Fact]
    public void Whole_share_reinvestment_keeps_the_residual_cash()
    {
        var days = SyntheticMarket.Weekdays(Mon, 3);
        var dividend = new Dividend(days[1], 2.50, days[2]);
        var data = SyntheticMarket.Build(days, [50, 50, 50], [50, 50, 60], [dividend]);
        var r = BacktestEngine.Run(data, [new DripSleeve(wholeShares: true, fallbackSymbol: null)], new EquityPriceModel(data, halfSpreadBps: 0),
            new BacktestConfig { InitialCapital = 5_000, Dividends = Dividends(dividend) });
        // 100 shares bought day 1 at 50; ex-date day 1 entitles holders at day 0's close: none yet.
        r.Ledger.Entries.Should().NotContain(e => e.Kind == EntryKind.Dividend);

        var later = new Dividend(days[2], 2.50, days[2]);
        var r2 = BacktestEngine.Run(data, [new DripSleeve(wholeShares: true, fallbackSymbol: null)], new EquityPriceModel(data, halfSpreadBps: 0),
            new BacktestConfig { InitialCapital = 5_000, Dividends = Dividends(later) });
        // Day 2: 100 shares × 2.50 = 250 paid; floor(250 / 60) = 4 shares for 240; 10 dollars stay in cash.
        r2.Ledger.Quantity("drip", Instrument.Equity("SPY")).Should().Be(104);
        r2.Ledger.Cash("drip").Should().BeApproximately(10, 1e-9);
    }

    [Fact]
    public void Cash_earns_interest_for_calendar_days_at_the_previous_close_rate()
    {
        // Fri 2020-01-10 → Mon 2020-01-13 is 3 calendar days: 1,000,000 × (e^{0.05·3/365} − 1) = 411.0434...
        var days = SyntheticMarket.Weekdays(new DateOnly(2020, 1, 10), 2);
        var data = SyntheticMarket.Build(days, [1, 1], [1, 1]);
        var r = BacktestEngine.Run(data, [new CashSleeve(allocation: 1)], new EquityPriceModel(data),
            new BacktestConfig { RiskFreeRate = new[] { 0.05, 0.05 } });
        double expected = 1_000_000 * (Math.Exp(0.05 * 3 / 365.0) - 1);
        r.Daily[^1].Equity.Should().BeApproximately(1_000_000 + expected, 1e-6);
        expected.Should().BeApproximately(411.0434, 1e-4);
    }

    /// <summary>
    /// A run given the calendar's precomputed growth (as <c>MarketContext</c> gives every run) books the same interest
    /// as one that takes the exponential each day: the same ledger, to its hash, with missing rates and weekends.
    /// </summary>
    [Fact]
    public void Precomputed_rate_growth_books_the_same_interest_as_the_daily_exponential()
    {
        var days = SyntheticMarket.Weekdays(new DateOnly(2020, 1, 6), 40);
        var random = new Random(7);
        var closes = days.Select((_, i) => 100 + (5 * Math.Sin(i / 3.0))).ToArray();
        var data = SyntheticMarket.Build(days, closes, closes);
        var rates = days.Select(_ => random.NextDouble() < 0.15 ? double.NaN : random.NextDouble() * 0.06).ToArray();
        BacktestResult Run(BacktestConfig config) =>
            BacktestEngine.Run(data, [new DripSleeve(name: "drip", allocation: 0.6, fallbackSymbol: null), new CashSleeve(allocation: 0.4)], new EquityPriceModel(data), config);
        var daily = Run(new BacktestConfig { RiskFreeRate = rates });
        var table = Run(new BacktestConfig { RiskFreeRate = rates, RiskFreeGrowth = BillGrowth.ForCalendar(data.Calendar, rates) });
        daily.Ledger.Entries.Count(e => e.Kind == EntryKind.Interest).Should().BeGreaterThan(30);
        table.Ledger.Sha256().Should().Be(daily.Ledger.Sha256());
        table.EquityCurve().Should().Equal(daily.EquityCurve());
        var wrong = () => Run(new BacktestConfig { RiskFreeRate = rates, RiskFreeGrowth = new double[3] });
        wrong.Should().Throw<ArgumentException>().WithMessage("*growth has 3 days and the rates 40, the calendar 40*");
        var shortRates = () => Run(new BacktestConfig { RiskFreeRate = rates[..20], RiskFreeGrowth = BillGrowth.ForCalendar(data.Calendar, rates[..20]) });
        shortRates.Should().Throw<ArgumentException>().WithMessage("*the rates 20, the calendar 40*");
    }

    [Fact]
    public void Same_close_fills_are_labelled_and_fill_at_the_decision_close()
    {
        var days = SyntheticMarket.Weekdays(Mon, 2);
        var data = SyntheticMarket.Build(days, [90, 110], [100, 120]);
        var r = RunDrip(data, new BacktestConfig { InitialCapital = 1_000, FillTiming = FillTiming.SameClose });
        r.Trades[0].Date.Should().Be(days[0]);
        r.Trades[0].Price.Should().Be(100);
        r.Daily[^1].Equity.Should().BeApproximately(1_200, 1e-9);
        r.Assumptions.Should().Contain(a => a.Name == "fillTiming" && a.Reason.Contains("SAME-CLOSE"));
    }

    [Fact]
    public void Next_bar_buys_are_clipped_to_the_cash_at_the_fill_price()
    {
        var days = SyntheticMarket.Weekdays(Mon, 2);
        var data = SyntheticMarket.Build(days, [100, 125], [100, 125]);
        var r = RunDrip(data, new BacktestConfig { InitialCapital = 1_000 });
        // Decided 10 shares at 100; the open is 125, so 1,000/125 = 8 shares.
        r.Ledger.Quantity("drip", Instrument.Equity("SPY")).Should().BeApproximately(8, 1e-6);
        r.Ledger.Cash("drip").Should().BeGreaterThanOrEqualTo(0);
    }

    /// <summary>
    /// A clipped buy pays the fees of its own size: with a commission per share, the shares the cash buys at the open are
    /// cash / (price + commission). The clip used to take the whole order's fees from the cash first, and left unspent
    /// the part of them the smaller order does not pay.
    /// </summary>
    [Fact]
    public void A_clipped_buy_pays_the_fees_of_its_own_size()
    {
        var days = SyntheticMarket.Weekdays(Mon, 2);
        var data = SyntheticMarket.Build(days, [99, 125], [99, 125]);
        var r = BacktestEngine.Run(data, [new DripSleeve(fallbackSymbol: null)], new EquityPriceModel(data, commissionPerShare: 1, halfSpreadBps: 0),
            new BacktestConfig { InitialCapital = 1_000 });
        // Decided at the close of 99; the open is 125 and a share costs 126 with its commission: 1,000 / 126 = 7.936507...
        // shares (to the millionth), leaving under 126 × 1e-6 of cash. The whole order's fees taken first gave
        // (1,000 − 1,000/99) / 125 = 7.919 shares and 9.9 dollars unspent.
        double shares = Math.Floor(1_000.0 / 126 * 1e6) / 1e6;
        r.Ledger.Quantity("drip", Instrument.Equity("SPY")).Should().BeApproximately(shares, 1e-12);
        r.Ledger.Cash("drip").Should().BeInRange(0, 126e-6);
    }

    /// <summary>
    /// A buy that closes a short is never clipped to the cash: the short is owed whatever the cash (a condor's stop loss
    /// used to buy back part of its short calls when the buy-backs filled before its long wings' sales, and left the rest
    /// naked; the study's Monday-entry sensitivity did so on 2024-08-16). Only what a buy adds beyond the short is clipped,
    /// and an option buy filled in part is listed with the dropped intents.
    /// </summary>
    [Fact]
    public void A_buy_to_close_a_short_is_not_clipped_to_the_cash()
    {
        var days = SyntheticMarket.Weekdays(Mon, 4);
        var data = SyntheticMarket.Build(days, [100, 100, 100, 100], [100, 100, 100, 100]);
        var call = SpxCall(4000, Mon.AddDays(60));
        // The call: 1 on days 0-1, 5 from day 2 (a rally). Sold 10 on day 0 (filled day 1 at 1: +1,000 to 1,000 of cash);
        // day 2 decides to buy back 10, or 15 (closing 10 and opening 5), filled day 3 at 5: 5,000 against 2,000 of cash.
        var prices = new OptionPrices(call, [1, 1, 5, 5]);
        BacktestResult Run(double buyBack) => BacktestEngine.Run(data, [new Scripted("short", call, buyBack)], prices, new BacktestConfig { InitialCapital = 1_000 });

        var closed = Run(10);
        var flipped = Run(15);

        closed.Ledger.Quantity("short", call).Should().Be(0, "the whole short is bought back");
        closed.Ledger.Cash("short").Should().BeApproximately(1_000 + 1_000 - 5_000, 1e-9, "a debit: the rally's loss exceeds the sleeve's cash");
        closed.Daily[^1].Equity.Should().BeApproximately(-3_000, 1e-9);
        closed.Dropped.Should().BeEmpty();
        flipped.Ledger.Quantity("short", call).Should().Be(0, "the 5 beyond the short found no cash");
        flipped.Dropped.Should().Equal(new DroppedOrder(days[3], "short", call.Id, "buy back", "not enough cash for 15, filled 10", DroppedOrderKind.FilledInPart));
        flipped.Dropped[0].ToString().Should().Be($"{days[3]:yyyy-MM-dd} short {call.Id} for 'buy back': not enough cash for 15, filled 10", "summary.json's line");
    }

    /// <summary>
    /// A sleeve's cash below 0 (a buy-back owed whatever the cash, or closing fees above a sale's proceeds) is a loan: it
    /// pays the T-bill rate as positive cash earns it (assumption <c>cashRate</c>), the ledger reconciles every day (the run
    /// would throw), and the DRIP's monthly refill of a reserve under half its target repays it from shares it sells, never
    /// from cash it does not have.
    /// </summary>
    [Fact]
    public void A_negative_sleeve_cash_pays_the_bill_rate_and_the_drip_refill_repays_it()
    {
        // Mon 01-27 .. Wed 02-05; SPY 100 at every open and close; 5% a year. Capital 10,000: DRIP 9,000, "short" 1,000.
        // The short sells 10 calls (100 multiplier) decided day 0, filled day 1 at 1 (+1,000); buys them back decided day 2,
        // filled day 3 (01-30) at 5 (−5,000). g = e^{0.05/365} − 1 a calendar day; interest is booked on the previous
        // close's cash before the day's fills: c1 = 1,000 (1 + g) + 1,000, c2 = c1 (1 + g), c3 = c2 (1 + g) − 5,000.
        var days = SyntheticMarket.Weekdays(new DateOnly(2020, 1, 27), 8);
        var flat = Enumerable.Repeat(100.0, days.Length).ToArray();
        var data = SyntheticMarket.Build(days, flat, flat);
        var call = SpxCall(4000, days[^1].AddDays(60));
        var prices = new CompositePriceModel(new EquityPriceModel(data, halfSpreadBps: 0), new OptionPrices(call, [1, 1, 5, 5, 5, 5, 5, 5]));
        var drip = new DripSleeve(allocation: 0.9, fallbackSymbol: null, fundedSleeves: new Dictionary<string, double> { ["short"] = 0.1 });
        var rates = Enumerable.Repeat(0.05, days.Length).ToArray();
        var r = BacktestEngine.Run(data, [drip, new Scripted("short", call, 10, allocation: 0.1)], prices,
            new BacktestConfig { InitialCapital = 10_000, RiskFreeRate = rates });

        double g = Math.Exp(0.05 / 365) - 1;
        double c3 = ((1_000 * (1 + g) + 1_000) * (1 + g) * (1 + g)) - 5_000;
        c3.Should().BeApproximately(-2_999.31, 0.01);
        double CashOn(string sleeve, DateOnly day) => r.Ledger.Entries.Where(e => e.Sleeve == sleeve && e.Date <= day).Sum(e => e.Cash);
        CashOn("short", days[3]).Should().BeApproximately(c3, 1e-9);
        var interest = r.Ledger.Entries.Single(e => e.Kind == EntryKind.Interest && e.Sleeve == "short" && e.Date == days[4]);
        interest.Cash.Should().BeApproximately(c3 * g, 1e-12, "01-30 -> 01-31: one day of the T-bill rate on the debt, charged");
        // Mon 02-03, the month's first trading day: the short's cash, c5 = c3 (1 + g) e^{0.05·3/365} after Friday's day and
        // the weekend's three, is under half its target, 0.1 × equity. The DRIP sells shares for target − c5 beyond its own
        // cash and sends target − c5, filled Tue 02-04 after that day's interest (c5 g): the short ends at target + c5 g.
        double c5 = c3 * (1 + g) * Math.Exp(0.05 * 3 / 365);
        CashOn("short", days[5]).Should().BeApproximately(c5, 1e-9);
        double target = 0.1 * r.Daily[5].Equity;
        CashOn("short", days[6]).Should().BeApproximately(target + (c5 * g), 1e-6);
        var sale = r.Trades.Single(t => t.Sleeve == "drip" && t.Reason == "fund reserves");
        sale.Date.Should().Be(days[6]);
        (-sale.Quantity * sale.Price).Should().BeApproximately(target - c5 - CashOn("drip", days[5]), 1e-6);
        days.Select(d => CashOn("drip", d)).Should().OnlyContain(c => c > -1e-6, "the DRIP never pays with cash it does not have");
        r.Dropped.Should().BeEmpty();
    }

    /// <summary>
    /// A one-leg order not filled is listed with the sleeve's reason for it, as an order of several legs is: the line
    /// used to name the instrument and the engine's cause alone, so a user could not tell which rule had asked for it.
    /// </summary>
    [Fact]
    public void A_one_leg_order_not_filled_is_listed_with_its_reason()
    {
        var days = SyntheticMarket.Weekdays(Mon, 4);
        var data = SyntheticMarket.Build(days, [100, 100, 100, 100], [100, 100, 100, 100]);
        var call = SpxCall(4000, days[1]); // expires on the day its sale would fill
        var prices = new OptionPrices(call, [1, 1, 1, 1]);
        var r = BacktestEngine.Run(data, [new Scripted("short", call, 10)], prices, new BacktestConfig { InitialCapital = 1_000 });
        r.Dropped.Select(d => d.ToString()).Should().Equal(
            $"{days[1]:yyyy-MM-dd} short {call.Id} for 'sell': expires on or before the fill day",
            $"{days[3]:yyyy-MM-dd} short {call.Id} for 'buy back': expires on or before the fill day");
        r.Dropped.Should().OnlyContain(d => d.Kind == DroppedOrderKind.NotFilled && d.Sleeve == "short" && d.Order == call.Id);
    }

    /// <summary>Sells 10 of <paramref name="option"/> on day 0 and buys <paramref name="buyBack"/> on day 2.</summary>
    private sealed class Scripted(string name, Instrument option, double buyBack, double allocation = 1) : TestSleeve(name, allocation, wholeShares: false)
    {

        public override void Decide(SleeveContext context, List<Intent> intents)
        {
            if (context.Day == 0) intents.Add(new Intent(Name, option, -10, "sell"));
            if (context.Day == 2) intents.Add(new Intent(Name, option, buyBack, "buy back"));
        }
    }

    /// <summary>One option at given marks, filled at the mark without costs.</summary>
    private sealed class OptionPrices(Instrument option, double[] marks) : IPriceModel
    {
        public double Mark(in Instrument instrument, int day) => instrument == option ? marks[day] : double.NaN;
        public FillQuote Fill(in FillRequest request) => new(Mark(request.Instrument, request.Day), 0, true);
        public double Settlement(in Instrument instrument, int day) => double.NaN;
        public IReadOnlyList<Assumption> Assumptions => [];
    }

    /// <summary>
    /// A spread is one order: with too little cash both legs are scaled together. Its long leg alone used to be clipped to
    /// the cash while its short leg sold in full: a user's drip-alvh with 10-point VIX call spreads and a 20% budget held
    /// naked short VIX calls at the close on 4,692 days of 2006-2026, up to 1,137 of them.
    /// </summary>
    [Fact]
    public void A_spread_with_too_little_cash_is_scaled_as_a_whole()
    {
        var (days, data) = FlatMarket(3);
        var expiry = Mon.AddDays(60);
        var low = SpxCall(4000, expiry);
        var high = SpxCall(4100, expiry);
        // Mids 3 and 1, half-spreads 0.5: the spread costs 3.5 − 0.5 = 3.0 points, 300 dollars a unit; 10 units are 3,000
        // against 1,000 of cash, so floor(1,000 / 300) = 3 units: 1,050 paid for the long calls, 150 received for the short.
        var prices = new LegPrices(new() { [low] = [3, 3, 3], [high] = [1, 1, 1] }, halfSpread: 0.5);
        var r = BacktestEngine.Run(data, [new Orders("spread", (0, [(low, 10), (high, -10)]))], prices, new BacktestConfig { InitialCapital = 1_000 });

        r.Ledger.Quantity("spread", low).Should().Be(3);
        r.Ledger.Quantity("spread", high).Should().Be(-3, "never more short calls than long ones");
        r.Ledger.Cash("spread").Should().BeApproximately(1_000 - 1_050 + 150, 1e-9);
        r.Dropped.Should().Equal(new DroppedOrder(days[1], "spread", $"order of 2 legs (+10 {low.Id}, -10 {high.Id})", "order", "not enough cash for 10 of each leg, filled 3", DroppedOrderKind.FilledInPart));
    }

    /// <summary>
    /// A spread whose legs' spreads take its price past its width is not bought back: a fill at the width gains nothing
    /// over holding it to expiry (on 2022-06-13 the study's Tuesday-entry condor, stopped out two days before expiry deep
    /// in the money on its put side, paid 155.52 − 101.15 = 54.37 points for a 50-point put spread). Within its width it is.
    /// </summary>
    [Fact]
    public void A_spread_is_not_bought_back_for_more_than_its_width()
    {
        var (days, data) = FlatMarket(4);
        var expiry = Mon.AddDays(30);
        var shortPut = SpxPut(4000, expiry);
        var longPut = SpxPut(3950, expiry);
        // Sold on day 0 (filled day 1 at mids 10 and 5 less and plus 2: 8 − 7 = 1 point of credit). Bought back on day 2,
        // filled day 3: mids 52 and 3 (49 points) and half-spreads of 2 make it 54 − 1 = 53 points, past the 50-point width.
        var prices = new LegPrices(new() { [shortPut] = [10, 10, 52, 52], [longPut] = [5, 5, 3, 3] }, halfSpread: 2);
        var sleeve = new Orders("condor", (0, [(shortPut, -1), (longPut, 1)]), (2, [(shortPut, 1), (longPut, -1)]));
        var r = BacktestEngine.Run(data, [sleeve], prices, new BacktestConfig { InitialCapital = 10_000 });

        r.Ledger.Entries.Where(e => e.Kind == EntryKind.Fill).Select(e => e.Price).Should().Equal([8, 7], (a, b) => Math.Abs(a - b) < 1e-12);
        r.Ledger.Quantity("condor", shortPut).Should().Be(-1, "still held");
        r.Dropped.Should().ContainSingle().Which.ToString().Should().StartWith($"{days[3]:yyyy-MM-dd} condor order of 2 legs (+1 {shortPut.Id}, -1 {longPut.Id}) for 'order': its legs' spreads take its price past what it can pay out at expiry");
        r.Dropped[0].Kind.Should().Be(DroppedOrderKind.NotFilled);

        // Half-spreads of 0.25 make the close 52.25 − 2.75 = 49.5: within the width, filled as quoted.
        var narrow = new LegPrices(new() { [shortPut] = [10, 10, 52, 52], [longPut] = [5, 5, 3, 3] }, halfSpread: 0.25);
        var filled = BacktestEngine.Run(data, [sleeve], narrow, new BacktestConfig { InitialCapital = 10_000 });
        filled.Ledger.Entries.Where(e => e.Kind == EntryKind.Fill).Select(e => e.Price).Should().Equal([9.75, 5.25, 52.25, 2.75], (a, b) => Math.Abs(a - b) < 1e-12);
        filled.Ledger.Quantity("condor", shortPut).Should().Be(0);
    }

    /// <summary>
    /// A roll (the old spread's sale and the new spread's purchase in one order) needs no margin for the legs that close:
    /// their payoff cancels the position's. Counted as new risk, a 10-point spread's close asked for 10,000 of margin, cut
    /// the roll to a tenth, closed the old spread in part and left a short call naked (ALVH call spreads, 2008-05-16).
    /// Here: 10 spreads C20/C30 bought for 4 (4,000 of 5,000), then sold for 4 (+4,000) while 10 of C25/C35 are bought for
    /// 2.5 (2,500): the order needs −1,500, within the 1,000 left; all of it fills.
    /// </summary>
    [Fact]
    public void A_roll_needs_no_margin_for_the_legs_it_closes()
    {
        var (_, data) = FlatMarket(4);
        var (c20, c30, c25, c35) = RollCalls();
        var prices = new LegPrices(new() { [c20] = [5, 5, 5, 5], [c30] = [1, 1, 1, 1], [c25] = [3, 3, 3, 3], [c35] = [0.5, 0.5, 0.5, 0.5] }, halfSpread: 0);
        var r = BacktestEngine.Run(data, [new Orders("alvh", (0, [(c20, 10), (c30, -10)]), (2, [(c20, -10), (c30, 10), (c25, 10), (c35, -10)]))],
            prices, new BacktestConfig { InitialCapital = 5_000 });

        r.Dropped.Should().BeEmpty();
        r.Ledger.Quantity("alvh", c20).Should().Be(0);
        r.Ledger.Quantity("alvh", c30).Should().Be(0, "the old spread is closed whole: no short call left");
        r.Ledger.Quantity("alvh", c25).Should().Be(10);
        r.Ledger.Quantity("alvh", c35).Should().Be(-10);
    }

    /// <summary>
    /// A roll the cash cannot pay in full fills its closing legs whole and scales its purchase alone: scaling every leg
    /// closed the old spread in part. 5 spreads held (C20/C30 at 4, bought with 2,000 of 2,100), sold for 2 each (+1,000),
    /// and 10 new ones wanted at 2.5 (2,500): with 1,100 of cash, floor(1,100 / 250) = 4 new spreads.
    /// </summary>
    [Fact]
    public void A_roll_short_of_cash_closes_whole_and_buys_what_is_left()
    {
        var (days, data) = FlatMarket(4);
        var (c20, c30, c25, c35) = RollCalls();
        var prices = new LegPrices(new() { [c20] = [5, 5, 3, 3], [c30] = [1, 1, 1, 1], [c25] = [3, 3, 3, 3], [c35] = [0.5, 0.5, 0.5, 0.5] }, halfSpread: 0);
        var r = BacktestEngine.Run(data, [new Orders("alvh", (0, [(c20, 5), (c30, -5)]), (2, [(c20, -5), (c30, 5), (c25, 10), (c35, -10)]))],
            prices, new BacktestConfig { InitialCapital = 2_100 });

        r.Ledger.Quantity("alvh", c20).Should().Be(0);
        r.Ledger.Quantity("alvh", c30).Should().Be(0);
        r.Ledger.Quantity("alvh", c25).Should().Be(4);
        r.Ledger.Quantity("alvh", c35).Should().Be(-4);
        r.Dropped.Should().ContainSingle().Which.Should().Match<DroppedOrder>(d => d.Kind == DroppedOrderKind.FilledInPart
            && d.Why == "not enough cash for all of its purchase: the legs that close filled whole, the others at 0.4 of their size");
    }

    /// <summary>
    /// A roll into the same expiry whose new short is the old long (C20/C30 rolled to C15/C20) names C20 twice: each leg
    /// alone looked like a close, so short of cash both filled whole and the new long alone was scaled, leaving 2 C20
    /// short and naked (review). An order naming an instrument twice is scaled as a whole: no naked short.
    /// </summary>
    [Fact]
    public void A_roll_naming_an_instrument_twice_is_scaled_as_a_whole()
    {
        var (_, data) = FlatMarket(4);
        DateOnly expiry = Mon.AddDays(40);
        var c15 = VixCall(15, expiry);
        var c20 = VixCall(20, expiry);
        var c30 = VixCall(30, expiry);
        var prices = new LegPrices(new() { [c15] = [6, 6, 6, 6], [c20] = [3, 3, 3, 3], [c30] = [1, 1, 1, 1] }, halfSpread: 0);
        var r = BacktestEngine.Run(data, [new Orders("alvh", (0, [(c20, 10), (c30, -10)]), (2, [(c20, -10), (c30, 10), (c15, 10), (c20, -10)]))],
            prices, new BacktestConfig { InitialCapital = 2_100 });

        double c15Held = r.Ledger.Quantity("alvh", c15), c20Held = r.Ledger.Quantity("alvh", c20), c30Held = r.Ledger.Quantity("alvh", c30);
        (c15Held + c20Held + c30Held).Should().BeGreaterThanOrEqualTo(0, "the calls held, long against short, leave none naked");
        (c15Held + Math.Min(0, c20Held)).Should().BeGreaterThanOrEqualTo(0, "every short C20 is covered by a long C15 below it or the old long C20");
    }

    /// <summary>
    /// A credit spread is scaled so the cash covers what it can lose at the fill's prices, not the mids' it was sized at
    /// (a drip-condor with 5-point iron butterflies sized at a 4.92 credit filled at 1.02 and took the portfolio to −427,000).
    /// </summary>
    [Fact]
    public void A_credit_spread_is_scaled_to_the_loss_its_fill_can_bring()
    {
        var (days, data) = FlatMarket(3);
        var expiry = Mon.AddDays(30);
        var shortPut = SpxPut(4000, expiry);
        var longPut = SpxPut(3995, expiry);
        // Mids 3 and 1: a credit of 2 on a 5-point spread, 300 dollars of risk a unit, so 1,000 of cash sizes 3 units. At
        // half-spreads of 0.5 the fill's credit is 2.5 − 1.5 = 1: 400 a unit, 1,200 for 3. Scaled: floor(1,000 / 400) = 2.
        var prices = new LegPrices(new() { [shortPut] = [3, 3, 3], [longPut] = [1, 1, 1] }, halfSpread: 0.5);
        var r = BacktestEngine.Run(data, [new Orders("condor", (0, [(shortPut, -3), (longPut, 3)]))], prices, new BacktestConfig { InitialCapital = 1_000 });

        r.Ledger.Quantity("condor", shortPut).Should().Be(-2);
        r.Ledger.Quantity("condor", longPut).Should().Be(2);
        r.Dropped.Should().Equal(new DroppedOrder(days[1], "condor", $"order of 2 legs (-3 {shortPut.Id}, +3 {longPut.Id})", "order", "not enough cash for 3 of each leg, filled 2", DroppedOrderKind.FilledInPart));
    }

    /// <summary>
    /// Each side of a condor is held within its own width: with a 5-point put wing and a 50-point call wing, the put spread
    /// was bought back for more than 5 points, within the whole condor's 50.
    /// </summary>
    [Fact]
    public void Each_side_of_a_condor_is_held_within_its_own_width()
    {
        var (days, data) = FlatMarket(4);
        var expiry = Mon.AddDays(30);
        var sp = SpxPut(4000, expiry);
        var lp = SpxPut(3995, expiry);
        var sc = SpxCall(4100, expiry);
        var lc = SpxCall(4150, expiry);
        // Mids 5.6, 1.0, 1.0 and 0.5 every day, half-spreads 0.5.
        // Open (day 1): puts sold at 5.1 and bought at 1.5 (a credit of 3.6, within 5). The call side would be paid 0.5 to
        // be sold (0.5 against 1.0): its net is brought to 0 from the mids' −0.5, f = 0.5, so 0.75 and 0.75.
        // Close (day 3): the put spread at 6.1 − 0.5 = 5.6 passes its 5-point width; from the mids' 4.6, f = 0.4: 5.8 and
        // 0.8. The calls' 1.5 − 0.0 = 1.5 is within their 50 and stays; the long call would be sold for 0 (its mid is its
        // half-spread): in an order that only closes, it is left to expire instead of paying its fees for nothing.
        var prices = new LegPrices(new() { [sp] = [5.6, 5.6, 5.6, 5.6], [lp] = [1, 1, 1, 1], [sc] = [1, 1, 1, 1], [lc] = [0.5, 0.5, 0.5, 0.5] }, halfSpread: 0.5);
        var r = BacktestEngine.Run(data, [new Orders("condor", (0, [(sp, -1), (lp, 1), (sc, -1), (lc, 1)]), (2, [(sp, 1), (lp, -1), (sc, 1), (lc, -1)]))],
            prices, new BacktestConfig { InitialCapital = 10_000 });

        var fills = r.Ledger.Entries.Where(e => e.Kind == EntryKind.Fill).Select(e => e.Price).ToList();
        fills.Should().Equal([5.1, 1.5, 0.75, 0.75, 5.8, 0.8, 1.5], (a, b) => Math.Abs(a - b) < 1e-12);
        r.Ledger.Quantity("condor", lc).Should().Be(1, "the long call with no bid is held to its expiry");
        r.Ledger.Quantity("condor", sc).Should().Be(0);
    }

    /// <summary>
    /// A condor whose legs' spreads leave no credit is not opened: pinned at the edge of its range, condors were sold for a
    /// credit of 1e-18 (5-point wings at half the spot's distance) and churned every week at a loss.
    /// </summary>
    [Fact]
    public void A_condor_whose_spreads_leave_no_credit_is_not_opened()
    {
        var (_, data) = FlatMarket(3);
        var expiry = Mon.AddDays(30);
        var sp = SpxPut(4000, expiry);
        var lp = SpxPut(3995, expiry);
        var sc = SpxCall(4100, expiry);
        var lc = SpxCall(4105, expiry);
        // Mids 0.3, 0.1, 0.3, 0.1: a credit of 0.4 at the mids; half-spreads of 0.5 sell at −0.2 and buy at 0.6, a debit
        // of 1.6 to sell a condor that can only cost.
        var prices = new LegPrices(new() { [sp] = [0.3, 0.3, 0.3], [lp] = [0.1, 0.1, 0.1], [sc] = [0.3, 0.3, 0.3], [lc] = [0.1, 0.1, 0.1] }, halfSpread: 0.5);
        var r = BacktestEngine.Run(data, [new Orders("condor", (0, [(sp, -1), (lp, 1), (sc, -1), (lc, 1)]))], prices, new BacktestConfig { InitialCapital = 10_000 });

        r.Ledger.Entries.Should().NotContain(e => e.Kind == EntryKind.Fill);
        r.Dropped.Should().ContainSingle().Which.Should().Match<DroppedOrder>(d => d.Kind == DroppedOrderKind.NotFilled
            && d.Order.StartsWith("order of 4 legs", StringComparison.Ordinal) && d.Why.EndsWith("not placed", StringComparison.Ordinal));
    }

    /// <summary>
    /// A roll (the old spread's sale and a new spread's purchase, one order over two expiries) is placed whole or not at all:
    /// with its close not placed, the ALVH's purchase went through alone and a layer was added every day.
    /// </summary>
    [Fact]
    public void A_roll_whose_close_cannot_be_placed_buys_nothing()
    {
        var (_, data) = FlatMarket(4);
        var near = VixCall(15, Mon.AddDays(9));
        var nearWing = VixCall(15.5, Mon.AddDays(9));
        var far = VixCall(20, Mon.AddDays(40));
        var farWing = VixCall(23, Mon.AddDays(40));
        // The 0.5-point spread is bought on day 0 at its mids (1.0 and 0.6: a debit of 0.4). Day 2 rolls it: deep in the
        // money (mids 10.5 and 10.0), at half-spreads of 0.3 its legs would sell at 10.2 and buy back at 10.3, paying 0.1
        // to sell a spread worth 0.5. The new 3-point spread alone would be fine (2.3 − 0.9 = 1.4), but the roll is one order.
        var mids = new Dictionary<Instrument, double[]>
        {
            [near] = [1.0, 1.0, 10.5, 10.5], [nearWing] = [0.6, 0.6, 10.0, 10.0], [far] = [2.0, 2.0, 2.0, 2.0], [farWing] = [1.2, 1.2, 1.2, 1.2],
        };
        var open = new LegPrices(mids, halfSpread: 0);
        var sleeve = new Orders("alvh", (0, [(near, 10), (nearWing, -10)]), (2, [(near, -10), (nearWing, 10), (far, 10), (farWing, -10)]));
        var atMids = BacktestEngine.Run(data, [sleeve], open, new BacktestConfig { InitialCapital = 10_000 });
        atMids.Ledger.Quantity("alvh", far).Should().Be(10, "at the mids the roll is placed whole");

        var wide = new LegPrices(mids, halfSpread: 0.3);
        var r = BacktestEngine.Run(data, [new Orders("alvh", (0, [(near, 10), (nearWing, -10)]), (2, [(near, -10), (nearWing, 10), (far, 10), (farWing, -10)]))],
            new SwitchPrices(open, wide, fromDay: 2), new BacktestConfig { InitialCapital = 10_000 });
        r.Ledger.Quantity("alvh", near).Should().Be(10, "the old spread is held");
        r.Ledger.Quantity("alvh", far).Should().Be(0, "and no new one is bought alone");
        r.Dropped.Should().ContainSingle().Which.Should().Match<DroppedOrder>(d => d.Kind == DroppedOrderKind.NotFilled
            && d.Order.StartsWith("order of 4 legs", StringComparison.Ordinal) && d.Why.EndsWith("not placed", StringComparison.Ordinal));
    }

    /// <summary>
    /// A call spread whose far strike has no bid at the fill (mid 0.3 under a half-spread of 0.5) is bought as its long
    /// leg alone: the short sold at 0 brought no credit, capped the payoff and paid its fees. In a condor, whose sales are
    /// its credit, an unbid short is not left out (the order is judged on its range).
    /// </summary>
    [Fact]
    public void An_unbid_short_leg_of_a_bought_spread_is_left_out()
    {
        var (_, data) = FlatMarket(3);
        var expiry = Mon.AddDays(40);
        var call = VixCall(20, expiry);
        var wing = VixCall(30, expiry);
        var prices = new LegPrices(new() { [call] = [1.0, 1.0, 1.0], [wing] = [0.3, 0.3, 0.3] }, halfSpread: 0.5);
        var r = BacktestEngine.Run(data, [new Orders("alvh", (0, [(call, 10), (wing, -10)]))], prices, new BacktestConfig { InitialCapital = 10_000 });

        r.Ledger.Quantity("alvh", call).Should().Be(10);
        r.Ledger.Quantity("alvh", wing).Should().Be(0, "a sale for nothing is left out");
        r.Ledger.Entries.Where(e => e.Kind == EntryKind.Fill).Should().ContainSingle().Which.Price.Should().BeApproximately(1.5, 1e-12, "the long leg at its ask, mid 1.0 + 0.5");
        r.Dropped.Should().ContainSingle().Which.Should().Match<DroppedOrder>(d => d.Kind == DroppedOrderKind.FilledInPart
            && d.Why == $"{wing.Id} has no bid at the fill: left out, the other legs bought alone");

        // With a bid (half-spread 0.2: the wing sells at 0.1) the spread is bought whole.
        var bid = BacktestEngine.Run(data, [new Orders("alvh", (0, [(call, 10), (wing, -10)]))], new LegPrices(new() { [call] = [1.0, 1.0, 1.0], [wing] = [0.3, 0.3, 0.3] }, halfSpread: 0.2), new BacktestConfig { InitialCapital = 10_000 });
        bid.Ledger.Quantity("alvh", wing).Should().Be(-10);
    }

    /// <summary>
    /// An unbid short left out of a bought spread costs nothing, its fees neither: the cash the order needs is the long
    /// leg's cost and fees alone. Counting the left-out leg's fees ($1 a contract) cut a spread that the cash covered
    /// (10 × 1.5 × 100 + $10 of fees = $1,510 of $1,515) to 9 contracts, with a "not enough cash" line.
    /// </summary>
    [Fact]
    public void An_unbid_short_left_out_adds_no_fees_to_the_cash_the_order_needs()
    {
        var (_, data) = FlatMarket(3);
        var expiry = Mon.AddDays(40);
        var call = VixCall(20, expiry);
        var wing = VixCall(30, expiry);
        var prices = new LegPrices(new() { [call] = [1.0, 1.0, 1.0], [wing] = [0.3, 0.3, 0.3] }, halfSpread: 0.5, feePerContract: 1);
        var r = BacktestEngine.Run(data, [new Orders("alvh", (0, [(call, 10), (wing, -10)]))], prices, new BacktestConfig { InitialCapital = 1_515 });

        r.Ledger.Quantity("alvh", wing).Should().Be(0);
        r.Ledger.Quantity("alvh", call).Should().Be(10, "the cash covers the long leg and its own fees");
        r.Dropped.Should().ContainSingle("the left-out short is said, and no 'not enough cash' line").Which.Why.Should().Contain("has no bid at the fill: left out");
    }

    /// <summary>One price model before a day, another from it.</summary>
    private sealed class SwitchPrices(IPriceModel before, IPriceModel after, int fromDay) : IPriceModel
    {
        public double Mark(in Instrument instrument, int day) => (day < fromDay ? before : after).Mark(instrument, day);
        public FillQuote Fill(in FillRequest request) => (request.Day < fromDay ? before : after).Fill(request);
        public double Settlement(in Instrument instrument, int day) => double.NaN;
        public IReadOnlyList<Assumption> Assumptions => [];
    }

    /// <summary>Weekdays from <see cref="Mon"/> with SPY at 100 throughout (the option tests need only a calendar).</summary>
    private static (DateOnly[] Days, MarketDataSet Data) FlatMarket(int count)
    {
        var days = SyntheticMarket.Weekdays(Mon, count);
        var flat = Enumerable.Repeat(100.0, count).ToArray();
        return (days, SyntheticMarket.Build(days, flat, flat));
    }

    /// <summary>A sleeve that places given orders (each a list of legs given as one combo) on given days.</summary>
    private sealed class Orders(string name, params (int Day, (Instrument Leg, double Quantity)[] Legs)[] orders) : TestSleeve(name, wholeShares: false)
    {

        public override void Decide(SleeveContext context, List<Intent> intents)
        {
            foreach (var (day, legs) in orders)
            {
                if (day != context.Day) continue;
                foreach (var (leg, quantity) in legs) intents.Add(new Intent(Name, leg, quantity, "order", Combo: 1));
            }
        }
    }

    /// <summary>
    /// A P.M.-settled option can be sold at its expiry day's open, in part: the part sold fills at the open and the rest
    /// settles at the close. Before, an option was dropped from any fill on its expiry day ("expires on or before the fill
    /// day"), and the condor's stop decided the day before a weekly's expiry was held to the settlement.
    /// </summary>
    [Theory]
    [InlineData(7.0, "the close mark is the settlement value")]
    [InlineData(6.5, "a close mark apart from the settlement still reconciles: the part sold is marked to it, the rest settled")]
    public void A_P_M_option_sold_in_part_at_its_expiry_open_settles_the_rest_at_the_close(double closeMark, string because)
    {
        // Mon..Fri, the call expiring Thu (day 3). Bought 10 on day 0 (fills day 1 at 3), 4 sold on day 2 (fill day 3 at
        // the open's price 5), 6 settled at the close at 7. Cash: 10,000 − 10 × 3 × 100 + 4 × 5 × 100 + 6 × 7 × 100.
        var (days, data) = FlatMarket(5);
        var call = SpxCall(4000, days[3]);
        var prices = new PmPrices(call, closes: [3, 3, 4, closeMark, double.NaN], opens: [3, 3, 4, 5, double.NaN], settlement: 7);
        var r = BacktestEngine.Run(data, [new Orders("long", (0, [(call, 10)]), (2, [(call, -4)]))], prices, new BacktestConfig { InitialCapital = 10_000 });

        r.Dropped.Should().BeEmpty();
        var sale = r.Trades.Single(t => t.Quantity < 0);
        sale.Date.Should().Be(days[3]);
        sale.Price.Should().Be(5);
        var settled = r.Ledger.Entries.Single(e => e.Kind == EntryKind.Settlement);
        settled.Quantity.Should().Be(-6, "the 6 left");
        settled.Cash.Should().Be(6 * 7 * 100);
        double cash = 10_000 - 3_000 + 2_000 + 4_200;
        r.Ledger.Cash("long").Should().BeApproximately(cash, 1e-9, because);
        r.Daily[3].Equity.Should().BeApproximately(cash, 1e-9, because);
        r.Ledger.PositionCount.Should().Be(0);
    }

    /// <summary>
    /// On its expiry morning a P.M.-settled option can only be closed: an order that opens one (0DTE, not modelled) or sells
    /// more than is held (the rest a new short) is not filled. The engine filled it, and the new position, not held at the
    /// previous close, was not settled that day: it stayed in the book past its expiry and settled the next trading day at
    /// that day's settlement value (the next close's intrinsic value with the real pricer).
    /// </summary>
    [Theory]
    [InlineData(0.0, 10.0, "a purchase of an option not held")]
    [InlineData(10.0, -15.0, "a sale of 15 of 10 held")]
    [InlineData(-10.0, 10.0, "a buy-back of a short, in full: the close is filled")]
    public void On_its_expiry_morning_a_P_M_option_can_be_closed_but_not_opened(double held, double order, string because)
    {
        var (days, data) = FlatMarket(5);
        var call = SpxCall(4000, days[3]);
        var prices = new PmPrices(call, closes: [3, 3, 4, 7, double.NaN], opens: [3, 3, 4, 5, double.NaN], settlement: 7);
        var orders = held == 0 ? new Orders("book", (2, [(call, order)])) : new Orders("book", (0, [(call, held)]), (2, [(call, order)]));
        var r = BacktestEngine.Run(data, [orders], prices, new BacktestConfig { InitialCapital = 10_000 });

        bool closes = held != 0 && Math.Sign(order) != Math.Sign(held) && Math.Abs(order) <= Math.Abs(held);
        r.Ledger.Entries.Should().NotContain(e => e.Date > days[3] && e.Instrument == call, "nothing of it is left after its expiry day");
        r.Ledger.PositionCount.Should().Be(0);
        if (closes)
        {
            r.Dropped.Should().BeEmpty(because);
            r.Trades.Should().Contain(t => t.Date == days[3] && t.Quantity == order);
            return;
        }
        r.Dropped.Should().ContainSingle(because).Which.ToString().Should().StartWith($"{days[3]:yyyy-MM-dd} book {call.Id}").And.Contain("expiry day");
        r.Trades.Should().NotContain(t => t.Date == days[3], because);
        if (held != 0) r.Ledger.Entries.Single(e => e.Kind == EntryKind.Settlement).Quantity.Should().Be(-held, "what was held settles");
    }

    /// <summary>
    /// An order of several legs on an expiry morning: the P.M.-settled leg that closes (in whole or in part) fills at the
    /// open with the legs of a later expiry it opens, and what is left of the expiring one settles at the close; a leg that
    /// would open the expiring option refuses the whole order.
    /// </summary>
    [Theory]
    [InlineData(-10.0, 10.0, true, "a roll: the expiring call closed in full, a later one bought")]
    [InlineData(-4.0, 4.0, true, "a partial close: 4 sold, 6 settle at the close")]
    [InlineData(-15.0, 10.0, false, "the sale of 15 of 10 held opens a 0DTE short: the order is refused")]
    public void On_its_expiry_morning_a_P_M_option_closes_in_an_order_with_a_later_expiry(double sold, double bought, bool fills, string because)
    {
        var (days, data, expiring, later, prices) = ExpiringAndLater();
        var orders = new Orders("book", (0, [(expiring, 10)]), (2, [(expiring, sold), (later, bought)]));
        var r = BacktestEngine.Run(data, [orders], prices, new BacktestConfig { InitialCapital = 20_000 });

        r.Ledger.Entries.Should().NotContain(e => e.Date > days[3] && e.Instrument == expiring, "nothing of it is left after its expiry day");
        double left = fills ? 10 + sold : 10;
        var settled = r.Ledger.Entries.Where(e => e.Kind == EntryKind.Settlement && e.Instrument == expiring).ToList();
        if (left == 0) settled.Should().BeEmpty(because);
        else settled.Should().ContainSingle(because).Which.Quantity.Should().Be(-left);
        if (fills)
        {
            r.Dropped.Should().BeEmpty(because);
            r.Trades.Where(t => t.Date == days[3]).Select(t => t.Quantity).Should().BeEquivalentTo([sold, bought], because);
            r.Ledger.Quantity("book", later).Should().Be(bought);
            return;
        }
        r.Dropped.Should().ContainSingle(because).Which.Why.Should().StartWith("opens a position on its expiry day").And.EndWith($"for {expiring.Id}");
        r.Trades.Should().NotContain(t => t.Date == days[3], because);
        r.Ledger.Quantity("book", later).Should().Be(0);
    }

    /// <summary>
    /// Six weekdays; a P.M.-settled call expiring on day 3 (closes 3, 3, 4, 7; opens 3, 3, 4, 5; settles at 7) and one a
    /// month after the last day (6 every day).
    /// </summary>
    private static (DateOnly[] Days, MarketDataSet Data, Instrument Expiring, Instrument Later, PmLegPrices Prices) ExpiringAndLater()
    {
        var (days, data) = FlatMarket(6);
        var expiring = SpxCall(4000, days[3]);
        var later = SpxCall(4000, days[5].AddDays(30));
        var prices = new PmLegPrices(new()
        {
            [expiring] = ([3, 3, 4, 7, double.NaN, double.NaN], [3, 3, 4, 5, double.NaN, double.NaN]),
            [later] = ([6, 6, 6, 6, 6, 6], [6, 6, 6, 6, 6, 6]),
        }, settlement: 7);
        return (days, data, expiring, later, prices);
    }

    /// <summary>
    /// Two legs of one order on the same expiring P.M.-settled option are judged together: each sale of 10 alone closes the
    /// 10 held, but the two sell 20, the rest a new 0DTE short on its expiry morning (review: both filled).
    /// </summary>
    [Fact]
    public void On_its_expiry_morning_two_legs_on_one_P_M_option_are_judged_together()
    {
        var (days, data, expiring, later, prices) = ExpiringAndLater();
        var orders = new Orders("book", (0, [(expiring, 10)]), (2, [(expiring, -10), (later, 10), (expiring, -10)]));
        var r = BacktestEngine.Run(data, [orders], prices, new BacktestConfig { InitialCapital = 20_000 });

        r.Dropped.Should().ContainSingle().Which.Why.Should().StartWith("opens a position on its expiry day");
        r.Trades.Should().NotContain(t => t.Date == days[3]);
        r.Ledger.Entries.Single(e => e.Kind == EntryKind.Settlement).Quantity.Should().Be(-10, "the 10 held settle");
    }

    /// <summary>
    /// What a sleeve is told it can trade at the fill of today's decision follows the run's fill timing: at the next open
    /// (NextBar) a P.M. option expiring on day 3 can be opened through day 1 and closed through day 2 (on its expiry
    /// morning); at the close itself (SameClose) it can be opened and closed through day 2 and neither on day 3, when it
    /// has settled before the close's fill. Both predicates read the next trading day whatever the timing: under
    /// SameClose day 2 said the option could not be opened, though its fill was day 2's close.
    /// </summary>
    [Theory]
    [InlineData(FillTiming.NextBar, "TT TT FT FF FF")]
    [InlineData(FillTiming.SameClose, "TT TT TT FF FF")]
    public void What_can_be_traded_at_the_next_fill_follows_the_fill_timing(FillTiming timing, string expected)
    {
        var (_, data, expiring, _, prices) = ExpiringAndLater();
        var probe = new TradableProbe(expiring);

        BacktestEngine.Run(data, [probe], prices, new BacktestConfig { InitialCapital = 20_000, FillTiming = timing });

        // Days 0 to 4 (the calendar's last day has no next fill under NextBar and is left out).
        string.Join(' ', probe.Seen.Take(5)).Should().Be(expected);
    }

    /// <summary>Records, each day, whether the option can be opened (first letter) and closed (second) at the next fill.</summary>
    private sealed class TradableProbe(Instrument option) : TestSleeve("probe", wholeShares: false)
    {
        public List<string> Seen { get; } = [];

        public override void Decide(SleeveContext context, List<Intent> intents) =>
            Seen.Add($"{(context.TradableAtNextFill(option.Expiry) ? 'T' : 'F')}{(context.ClosableAtNextFill(option) ? 'T' : 'F')}");
    }

    /// <summary>P.M.-settled options at given close marks and open prices by day, filled at them without costs.</summary>
    private sealed class PmLegPrices(Dictionary<Instrument, (double[] Closes, double[] Opens)> legs, double settlement) : IPriceModel
    {
        public double Mark(in Instrument instrument, int day) => legs.TryGetValue(instrument, out var l) ? l.Closes[day] : double.NaN;
        public FillQuote Fill(in FillRequest request)
        {
            var l = legs[request.Instrument];
            return new((request.AtOpen ? l.Opens : l.Closes)[request.Day], 0, true);
        }
        public double Settlement(in Instrument instrument, int day) => settlement;
        public bool SettlesAtOpen(in Instrument instrument) => false;
        public IReadOnlyList<Assumption> Assumptions => [];
    }

    /// <summary>One P.M.-settled option: given close marks and open prices by day, filled at them without costs.</summary>
    private sealed class PmPrices(Instrument option, double[] closes, double[] opens, double settlement) : IPriceModel
    {
        public double Mark(in Instrument instrument, int day) => instrument == option ? closes[day] : double.NaN;
        public FillQuote Fill(in FillRequest request) => new(request.AtOpen ? opens[request.Day] : closes[request.Day], 0, true);
        public double Settlement(in Instrument instrument, int day) => settlement;
        public bool SettlesAtOpen(in Instrument instrument) => false;
        public IReadOnlyList<Assumption> Assumptions => [];
    }

    /// <summary>Options at given mids by day, filled at the mid plus or minus one half-spread, without fees.</summary>
    private sealed class LegPrices(Dictionary<Instrument, double[]> mids, double halfSpread, double feePerContract = 0) : IPriceModel
    {
        public double Mark(in Instrument instrument, int day) => mids.TryGetValue(instrument, out var m) ? m[day] : double.NaN;
        public FillQuote Fill(in FillRequest request)
        {
            double mid = Mark(request.Instrument, request.Day);
            return new(mid + Math.Sign(request.Quantity) * halfSpread, feePerContract * Math.Abs(request.Quantity), true, mid);
        }
        public double Settlement(in Instrument instrument, int day) => double.NaN;
        public IReadOnlyList<Assumption> Assumptions => [];
    }

    [Fact]
    public void Same_inputs_give_the_same_ledger_hash_and_the_hash_sees_every_entry()
    {
        var days = SyntheticMarket.Weekdays(Mon, 20);
        var random = new Random(7);
        var close = days.Select(_ => 100 + random.NextDouble() * 10).ToArray();
        var data = SyntheticMarket.Build(days, close, close);
        var a = RunDrip(data, new BacktestConfig());
        var b = RunDrip(data, new BacktestConfig());
        a.Ledger.Sha256().Should().Be(b.Ledger.Sha256()).And.HaveLength(64);
        var c = RunDrip(data, new BacktestConfig { InitialCapital = 999_999 });
        c.Ledger.Sha256().Should().NotBe(a.Ledger.Sha256());
    }

    [Fact]
    public void Changing_future_data_never_changes_past_decisions()
    {
        var days = SyntheticMarket.Weekdays(Mon, 60);
        var random = new Random(11);
        var close = new double[days.Length];
        close[0] = 100;
        for (int i = 1; i < close.Length; i++) close[i] = close[i - 1] * (1 + 0.02 * (random.NextDouble() - 0.5));
        var dividends = new[] { new Dividend(days[10], 0.5, days[20]), new Dividend(days[40], 0.5, days[50]) };
        var original = SyntheticMarket.Build(days, close, close, dividends);
        int cut = 30;
        var shifted = close.Select((c, i) => i > cut ? c * 3 : c).ToArray();
        var altered = SyntheticMarket.Build(days, shifted, shifted, dividends);
        var config = new BacktestConfig { Dividends = Dividends(dividends) };
        var a = RunDrip(original, config).Ledger.Entries.Where(e => e.Date <= days[cut]).ToList();
        var b = RunDrip(altered, config).Ledger.Entries.Where(e => e.Date <= days[cut]).ToList();
        a.Should().NotBeEmpty();
        a.Should().Equal(b);
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<Dividend>> Dividends(params Dividend[] d) =>
        new Dictionary<string, IReadOnlyList<Dividend>> { ["SPY"] = d };
}
