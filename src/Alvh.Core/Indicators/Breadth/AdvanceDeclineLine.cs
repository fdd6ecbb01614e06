namespace Alvh.Indicators;

/// <summary>
/// Advance–decline line: the running total of (advancing issues − declining issues), starting from 0
/// before the first day (so day 0 is its own net advances). Counts are issues (e.g. NYSE). Recursive
/// NaN policy: a day with either count NaN outputs NaN and the total is held.
/// </summary>
public static class AdvanceDeclineLine
{
    /// <summary>Writes the A/D line into <paramref name="output"/>; all spans share one length.</summary>
    public static void Compute(ReadOnlySpan<double> advances, ReadOnlySpan<double> declines, Span<double> output)
    {
        Guard.SameLength(advances.Length, declines.Length, nameof(declines));
        Guard.SameLength(advances.Length, output.Length, nameof(output));
        double total = 0;
        for (int i = 0; i < advances.Length; i++)
        {
            double a = advances[i], d = declines[i];
            if (double.IsNaN(a) || double.IsNaN(d))
            {
                output[i] = double.NaN;
                continue;
            }
            total += a - d; // as AdvanceDeclineLineStream.Add
            output[i] = total;
        }
    }

    /// <summary>The A/D line, one output per day.</summary>
    public static double[] Compute(ReadOnlySpan<double> advances, ReadOnlySpan<double> declines)
    {
        var output = new double[advances.Length];
        Compute(advances, declines, output);
        return output;
    }
}
