using System.Buffers;

namespace Alvh.Analytics;

/// <summary>
/// Money-weighted return: the annual rate r (annualised fraction) at which the net present value
/// Σ Pᵢ (1 + r)^−((dᵢ − d₀)/365) of dated cash flows is zero — the convention of Excel's XIRR/XNPV
/// (Microsoft support, "XIRR function": 365-day year, d₀ the first date given). Cash flows are from
/// the <b>investor's</b> side: money paid in is negative, money received (or the terminal value) positive.
/// Solved by Newton's method from a guess, falling back to bisection on a scanned bracket when Newton
/// leaves (−1, ∞), stalls or fails to converge. Where several rates zero the NPV, Newton returns the one
/// it reaches from the guess, bisection the lowest bracketed one.
/// </summary>
public static class Xirr
{
    /// <summary>Days per year in the discount exponent (365, as Excel's XIRR/XNPV).</summary>
    public const double DaysPerYear = 365.0;

    private const int NewtonIterations = 100;
    private const int BisectionIterations = 300;
    private const double RateTolerance = 1e-12;
    private static readonly double[] ScanRates = [-0.999999, -0.99, -0.9, -0.5, -0.2, 0.0, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 100.0, 1e3, 1e4, 1e6];

    /// <summary>Excel XNPV: Σ Pᵢ (1 + rate)^−((dᵢ − d₀)/365), discounted to the first date given.</summary>
    public static double NetPresentValue(double rate, ReadOnlySpan<double> amounts, ReadOnlySpan<DateOnly> dates)
    {
        Require.SameLength(amounts.Length, dates.Length, nameof(dates));
        if (amounts.Length == 0) return 0.0;
        return Evaluate(rate, amounts, dates, out _);
    }

    /// <summary>
    /// The XIRR (annualised fraction) of <paramref name="amounts"/> paid on <paramref name="dates"/> (any order).
    /// NaN when the flows do not have both signs or no root is found in (−1, 10⁶].
    /// </summary>
    /// <param name="amounts">Investor cash flows: negative = paid in, positive = received.</param>
    /// <param name="dates">Payment dates, one per amount.</param>
    /// <param name="guess">Starting rate for Newton (Excel's default 0.1).</param>
    public static double Compute(ReadOnlySpan<double> amounts, ReadOnlySpan<DateOnly> dates, double guess = 0.1)
    {
        Require.SameLength(amounts.Length, dates.Length, nameof(dates));
        bool hasPositive = false, hasNegative = false;
        foreach (double amount in amounts)
        {
            hasPositive |= amount > 0;
            hasNegative |= amount < 0;
        }
        if (!hasPositive || !hasNegative) return double.NaN;

        double newton = Newton(amounts, dates, guess);
        return double.IsNaN(newton) ? Bisection(amounts, dates) : newton;
    }

    /// <summary>
    /// XIRR of a portfolio: the initial equity as paid in on the first date, each external flow after it
    /// (contribution paid in, withdrawal received, on its own date), and the final equity received on the
    /// last date. Flows on or before the first date are part of the initial equity and ignored.
    /// </summary>
    /// <exception cref="ArgumentException">A flow is dated after the last curve date, or lengths differ.</exception>
    public static double FromEquityCurve(ReadOnlySpan<double> equity, ReadOnlySpan<DateOnly> dates, ReadOnlySpan<ExternalFlow> flows, double guess = 0.1)
    {
        Require.AtLeast(equity.Length, 2, nameof(equity));
        Require.SameLength(equity.Length, dates.Length, nameof(dates));
        int capacity = flows.Length + 2;
        double[] amounts = ArrayPool<double>.Shared.Rent(capacity);
        DateOnly[] flowDates = ArrayPool<DateOnly>.Shared.Rent(capacity);
        try
        {
            int count = 0;
            amounts[count] = -equity[0];
            flowDates[count++] = dates[0];
            foreach (var flow in flows)
            {
                if (Returns.FlowIndex(dates, flow.Date) == 0) continue;
                amounts[count] = -flow.Amount;
                flowDates[count++] = flow.Date;
            }
            amounts[count] = equity[^1];
            flowDates[count++] = dates[^1];
            return Compute(amounts.AsSpan(0, count), flowDates.AsSpan(0, count), guess);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(amounts);
            ArrayPool<DateOnly>.Shared.Return(flowDates);
        }
    }

    private static double Newton(ReadOnlySpan<double> amounts, ReadOnlySpan<DateOnly> dates, double rate)
    {
        if (!(rate > -1.0) || !double.IsFinite(rate)) rate = 0.1;
        for (int i = 0; i < NewtonIterations; i++)
        {
            double npv = Evaluate(rate, amounts, dates, out double derivative);
            if (!double.IsFinite(npv) || !double.IsFinite(derivative) || derivative == 0.0) return double.NaN;
            double next = rate - npv / derivative;
            if (!(next > -1.0)) return double.NaN;
            if (Math.Abs(next - rate) <= RateTolerance * Math.Max(1.0, Math.Abs(rate))) return next;
            rate = next;
        }
        return double.NaN;
    }

    private static double Bisection(ReadOnlySpan<double> amounts, ReadOnlySpan<DateOnly> dates)
    {
        double low = ScanRates[0];
        double fLow = Evaluate(low, amounts, dates, out _);
        for (int k = 1; k < ScanRates.Length; k++)
        {
            double high = ScanRates[k];
            double fHigh = Evaluate(high, amounts, dates, out _);
            if (fLow == 0.0) return low;
            if (double.IsFinite(fLow) && double.IsFinite(fHigh) && Math.Sign(fLow) != Math.Sign(fHigh))
            {
                for (int i = 0; i < BisectionIterations && high - low > RateTolerance * Math.Max(1.0, Math.Abs(low)); i++)
                {
                    double middle = 0.5 * (low + high);
                    double fMiddle = Evaluate(middle, amounts, dates, out _);
                    if (Math.Sign(fMiddle) == Math.Sign(fLow))
                    {
                        low = middle;
                        fLow = fMiddle;
                    }
                    else
                    {
                        high = middle;
                    }
                }
                return 0.5 * (low + high);
            }
            low = high;
            fLow = fHigh;
        }
        return double.NaN;
    }

    /// <summary>NPV at <paramref name="rate"/> and its derivative with respect to the rate.</summary>
    private static double Evaluate(double rate, ReadOnlySpan<double> amounts, ReadOnlySpan<DateOnly> dates, out double derivative)
    {
        double logGrowth = Math.Log(1.0 + rate);
        int origin = dates[0].DayNumber;
        double npv = 0.0;
        derivative = 0.0;
        for (int i = 0; i < amounts.Length; i++)
        {
            double years = (dates[i].DayNumber - origin) / DaysPerYear;
            double discounted = amounts[i] * Math.Exp(-years * logGrowth);
            npv += discounted;
            derivative -= years * discounted / (1.0 + rate);
        }
        return npv;
    }
}
