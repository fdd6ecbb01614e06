namespace Alvh.Model;

/// <summary>
/// Conversions of quoted money-market rates to the continuously compounded, annualised rates the
/// pricers use (D = e^{−rT}, T in years of 365 days).
/// </summary>
public static class CarryRates
{
    /// <summary>Days to maturity of the 3-month bill behind FRED DTB3.</summary>
    public const int BillDays = 91;

    /// <summary>
    /// Continuously compounded rate from a Treasury bill's discount-basis yield. The Treasury quotes
    /// bills on a bank-discount basis: d = (100 − P)/100 · 360/t, so the price per 1 of face is
    /// P = 1 − d·t/360 (TreasuryDirect, "Daily Treasury Bill Rates — Interpretation": "the bank
    /// discount rate … is calculated on a 360-day basis"; FRED DTB3 notes "discount basis").
    /// Holding the bill to maturity earns 1/P over t days, so r = −ln(P) / (t/365).
    /// </summary>
    /// <param name="discountYieldPercent">Discount-basis yield, percent (5.00 = 5%).</param>
    /// <param name="days">Days to maturity (91 for the 3-month bill).</param>
    /// <returns>Continuously compounded rate, annualised fraction (act/365).</returns>
    public static double FromDiscountYield(double discountYieldPercent, int days = BillDays)
    {
        double price = 1.0 - discountYieldPercent / 100.0 * days / 360.0;
        return -Math.Log(price) / (days / 365.0);
    }

    /// <summary>
    /// Continuously compounded rate from the effective federal funds rate (FRED DFF), an overnight
    /// simple rate on an actual/360 basis: one day earns 1 + f/360, so r = 365 · ln(1 + f/360).
    /// </summary>
    /// <param name="effectiveRatePercent">Effective fed funds rate, percent.</param>
    /// <returns>Continuously compounded rate, annualised fraction (act/365).</returns>
    public static double FromFedFunds(double effectiveRatePercent)
        => 365.0 * Math.Log(1.0 + effectiveRatePercent / 100.0 / 360.0);

    /// <summary>
    /// Continuously compounded yield from a simple trailing yield y = D/P (trailing 12-month
    /// dividends over price): one year of dividends reinvested once is 1 + y, so q = ln(1 + y).
    /// </summary>
    /// <param name="simpleYield">Trailing dividends over price, fraction.</param>
    /// <returns>Continuous dividend yield, annualised fraction.</returns>
    public static double ContinuousFromSimpleYield(double simpleYield) => Math.Log(1.0 + simpleYield);
}
