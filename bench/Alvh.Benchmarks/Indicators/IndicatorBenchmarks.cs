using Alvh.Indicators;
using BenchmarkDotNet.Attributes;

namespace Alvh.Benchmarks.Indicators;

/// <summary>Each indicator over 10,000 synthetic bars into preallocated outputs (target &lt; 50 µs).</summary>
[MemoryDiagnoser]
public class IndicatorBenchmarks
{
    private const int Bars = 10_000;
    private double[] _close = [];
    private double[] _high = [];
    private double[] _low = [];
    private double[] _returns = [];
    private double[] _benchmarkReturns = [];
    private double[] _out1 = [];
    private double[] _out2 = [];
    private double[] _out3 = [];
    private int[] _signals = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20240601);
        _close = new double[Bars];
        _high = new double[Bars];
        _low = new double[Bars];
        _returns = new double[Bars];
        _benchmarkReturns = new double[Bars];
        double level = 100;
        for (int i = 0; i < Bars; i++)
        {
            double r = 0.01 * (random.NextDouble() - 0.5);
            level *= 1 + r;
            _close[i] = level;
            _high[i] = level * (1 + 0.01 * random.NextDouble());
            _low[i] = level * (1 - 0.01 * random.NextDouble());
            _returns[i] = r;
            _benchmarkReturns[i] = 0.5 * r + 0.005 * (random.NextDouble() - 0.5);
        }
        _out1 = new double[Bars];
        _out2 = new double[Bars];
        _out3 = new double[Bars];
        _signals = new int[Bars];
    }

    [Benchmark] public void Sma20() => Sma.Compute(_close, 20, _out1);
    [Benchmark] public void Ema20() => Ema.Compute(_close, 20, _out1);
    [Benchmark] public void Macd12_26_9() => Macd.Compute(_close, 12, 26, 9, _out1, _out2, _out3, _signals);
    [Benchmark] public void Rsi14() => Rsi.Compute(_close, 14, _out1);
    [Benchmark] public void Bollinger20() => Bollinger.Compute(_close, 20, 2.0, _out1, _out2, _out3);
    [Benchmark] public void Atr14() => Atr.Compute(_high, _low, _close, 14, _out1);
    [Benchmark] public void RateOfChange10() => RateOfChange.Compute(_close, 10, _out1);
    [Benchmark] public void ZScore60() => ZScore.Compute(_close, 60, _out1);
    [Benchmark] public void PercentRank20() => PercentRank.Compute(_close, 20, _out1);
    [Benchmark] public void PercentRank252() => PercentRank.Compute(_close, 252, _out1);
    [Benchmark] public void RealisedVolatility21() => RealisedVolatility.Compute(_close, 21, _out1);
    [Benchmark] public void Parkinson21() => ParkinsonVolatility.Compute(_high, _low, 21, _out1);
    [Benchmark] public void RollingBeta60() => RollingBeta.Compute(_returns, _benchmarkReturns, 60, _out1);
    [Benchmark] public void RollingCorrelation60() => RollingCorrelation.Compute(_returns, _benchmarkReturns, 60, _out1);
    [Benchmark] public void AdvanceDeclineLine() => Alvh.Indicators.AdvanceDeclineLine.Compute(_high, _low, _out1);
    [Benchmark] public void BreadthDivergence20() => BreadthDivergence.Compute(_close, _out1, 20, _signals);
}
