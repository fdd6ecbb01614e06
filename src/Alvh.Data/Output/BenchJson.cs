using Alvh.Benchmarks;

namespace Alvh.Data.Output;

/// <summary>
/// The JSON of <c>alvh bench --json</c>, exactly:
/// <c>{"kernel":{"scalarPerSec","simdPerSec"},"fullBacktest":{"seconds","valuations","floorRatio"},"study":{"seconds"},
/// "canonical":{"single":{"seconds","barsPerSec","finalValue","trades"},"buyHold":{"finalValue"},
/// "sweep":{"combos","seconds","backtestsPerSec","bestFinalValue"},"monteCarlo":{"paths","seconds","pathsPerSec"}},
/// "fullSystemMonteCarlo":{"preset","paths","years","threads","seconds","pathsPerSec"}}</c> (the last object beyond the
/// issue's schema: the full-system Monte Carlo target's own figure), with the Black-76 kernel's rates in <c>kernel</c>
/// (<c>black76ScalarPerSec</c>, <c>black76SimdPerSec</c>, as the table shows them), <c>fullBacktest.sleeveValuations</c>
/// (of <c>valuations</c>, the deltas of the sleeves' strike searches) and <c>quick</c> (true for
/// <c>--quick</c>'s indicative figures), <c>targets</c> (the issue's, <see cref="BenchTargets"/>) and <c>machine</c> (<c>cpu</c>, <c>cores</c>, <c>vectorIsa</c>, <c>vectorBits</c>,
/// <c>runtime</c>, <c>os</c>: what the figures were measured on) beyond it too.
/// </summary>
public static class BenchJson
{
    /// <summary>Writes the report.</summary>
    public static string Write(BenchReport report, bool quick = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        var c = report.Canonical;
        return JsonOut.Build(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("quick", quick);
            w.WriteStartObject("kernel");
            JsonOut.Number(w, "scalarPerSec", report.Kernel.ScalarPerSec);
            JsonOut.Number(w, "simdPerSec", report.Kernel.SimdPerSec);
            JsonOut.Number(w, "black76ScalarPerSec", report.Kernel.Black76ScalarPerSec);
            JsonOut.Number(w, "black76SimdPerSec", report.Kernel.Black76SimdPerSec);
            w.WriteEndObject();
            w.WriteStartObject("fullBacktest");
            JsonOut.Number(w, "seconds", report.FullBacktest.Seconds);
            w.WriteNumber("valuations", report.FullBacktest.Valuations);
            JsonOut.Number(w, "floorRatio", report.FullBacktest.FloorRatio);
            w.WriteNumber("sleeveValuations", report.FullBacktest.SleeveValuations);
            w.WriteEndObject();
            w.WriteStartObject("study");
            JsonOut.Number(w, "seconds", report.StudySeconds);
            w.WriteEndObject();
            w.WriteStartObject("canonical");
            w.WriteStartObject("single");
            JsonOut.Number(w, "seconds", c.SingleSeconds);
            JsonOut.Number(w, "barsPerSec", c.BarsPerSec);
            JsonOut.Number(w, "finalValue", c.Single.FinalValue);
            w.WriteNumber("trades", c.Single.Trades);
            w.WriteEndObject();
            w.WriteStartObject("buyHold");
            JsonOut.Number(w, "finalValue", c.BuyHold.FinalValue);
            w.WriteEndObject();
            w.WriteStartObject("sweep");
            w.WriteNumber("combos", c.Sweep.Count);
            JsonOut.Number(w, "seconds", c.SweepSeconds);
            JsonOut.Number(w, "backtestsPerSec", c.SweepBacktestsPerSec);
            JsonOut.Number(w, "bestFinalValue", c.SweepBestFinalValue);
            w.WriteEndObject();
            w.WriteStartObject("monteCarlo");
            w.WriteNumber("paths", c.MonteCarloPaths);
            JsonOut.Number(w, "seconds", c.MonteCarloSeconds);
            JsonOut.Number(w, "pathsPerSec", c.MonteCarloPathsPerSec);
            w.WriteEndObject();
            w.WriteEndObject();
            var m = report.FullSystemMonteCarlo;
            w.WriteStartObject("fullSystemMonteCarlo");
            w.WriteString("preset", m.Preset);
            w.WriteNumber("paths", m.Paths);
            JsonOut.Number(w, "years", m.Years);
            w.WriteNumber("threads", m.Threads);
            JsonOut.Number(w, "seconds", m.Seconds);
            JsonOut.Number(w, "pathsPerSec", m.PathsPerSec);
            w.WriteEndObject();
            // The targets, so bench/peers/run.sh judges with these numbers rather than its own copy of them.
            w.WriteStartObject("targets");
            JsonOut.Number(w, "kernelSimdPerSec", BenchTargets.KernelSimdPerSec);
            JsonOut.Number(w, "floorRatio", BenchTargets.FloorRatio);
            JsonOut.Number(w, "studySeconds", BenchTargets.StudySeconds);
            JsonOut.Number(w, "fullSystemPathsPerSec", BenchTargets.FullSystemPathsPerSec);
            JsonOut.Number(w, "singleShareOfNumba", BenchTargets.SingleShareOfNumba);
            JsonOut.Number(w, "sweepShareOfNumba", BenchTargets.SweepShareOfNumba);
            w.WriteEndObject();
            var machine = report.Machine;
            w.WriteStartObject("machine");
            w.WriteString("cpu", machine.Cpu);
            w.WriteNumber("cores", machine.Cores);
            w.WriteString("vectorIsa", machine.VectorIsa);
            w.WriteNumber("vectorBits", machine.VectorBits);
            w.WriteString("runtime", machine.Runtime);
            w.WriteString("os", machine.Os);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }
}
