using Alvh.Analytics;
using BenchmarkDotNet.Attributes;

namespace Alvh.Benchmarks.Analytics;

/// <summary>Metrics.Compute and its main kernels over 9,000 synthetic daily points (~36 years).</summary>
[MemoryDiagnoser]
public class AnalyticsBenchmarks
{
    private const int Points = 9_000;
    private double[] _equity = [];
    private double[] _returns = [];
    private DateOnly[] _dates = [];
    private double[] _benchmark = [];
    private double[] _riskFree = [];
    private double[] _bills = [];
    private double[] _vix = [];
    private double[] _output = [];
    private ExternalFlow[] _flows = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20240606);
        _equity = new double[Points];
        _benchmark = new double[Points];
        _riskFree = new double[Points];
        _vix = new double[Points];
        _dates = new DateOnly[Points];
        _equity[0] = 1_000_000;
        _benchmark[0] = 1000;
        _vix[0] = 20;
        var day = new DateOnly(1990, 1, 2);
        _dates[0] = day;
        for (int i = 1; i < Points; i++)
        {
            double r = 0.0004 + 0.01 * (random.NextDouble() - 0.5) * 3.4;
            _equity[i] = _equity[i - 1] * (1 + r);
            _benchmark[i] = _benchmark[i - 1] * (1 + 0.6 * r + 0.004 * (random.NextDouble() - 0.5));
            _riskFree[i] = 0.0001;
            _vix[i] = Math.Max(9, _vix[i - 1] * (1 - 3 * r + 0.03 * (random.NextDouble() - 0.5)));
            do day = day.AddDays(1); while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
            _dates[i] = day;
        }
        _returns = Returns.Simple(_equity);
        _bills = _riskFree[1..];
        _output = new double[Points - 1];
        _flows = [new(_dates[3000], 100_000), new(_dates[6000], -50_000)];
    }

    [Benchmark(Baseline = true)] public MetricSet ComputeAll() => Metrics.Compute(_equity, _dates, [], _benchmark, _riskFree, _vix);
    [Benchmark] public MetricSet ComputeAllWithFlows() => Metrics.Compute(_equity, _dates, _flows, _benchmark, _riskFree, _vix);
    [Benchmark] public DrawdownPeriod MaxDrawdown() => Drawdowns.Maximum(_equity, _dates);
    [Benchmark] public double Var95() => TailRisk.ValueAtRisk(_returns);
    [Benchmark] public double Xirr() => Alvh.Analytics.Xirr.FromEquityCurve(_equity, _dates, _flows);
    [Benchmark] public void RollingSharpe252() => RollingMetrics.Sharpe(_returns, _bills, 252, _output);
    [Benchmark] public WeightSolution WeightForVolatility() => DeleveredBaseline.WeightForVolatility(_returns, _bills, 0.12);
    [Benchmark] public WeightSolution WeightForCagr() => DeleveredBaseline.WeightForCagr(_returns, _bills, 0.05, Returns.CalendarYears(_dates[0], _dates[^1]));
}
