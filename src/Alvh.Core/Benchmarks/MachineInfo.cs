using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Alvh.Benchmarks;

/// <summary>
/// The machine a bench ran on, so figures from different machines are not compared blind: the same build priced
/// 39–50 M options/s on an AVX-512 VM and 23 M/s on an AVX2-only one before its kernel was reworked (closing note of
/// stop 22).
/// </summary>
/// <param name="Cpu">The processor's model name (Linux <c>/proc/cpuinfo</c>), else the architecture.</param>
/// <param name="Cores">Logical processors the runtime sees.</param>
/// <param name="VectorIsa">The widest vector instructions the runtime accelerates: AVX-512, AVX2, SSE4.2, Arm AdvSIMD, or none.</param>
/// <param name="VectorBits">Width of <see cref="System.Numerics.Vector{T}"/> the JIT uses, bits.</param>
/// <param name="Runtime">The .NET runtime's description.</param>
/// <param name="Os">The operating system's description.</param>
public sealed record MachineInfo(string Cpu, int Cores, string VectorIsa, int VectorBits, string Runtime, string Os)
{
    /// <summary>Describes the current machine.</summary>
    public static MachineInfo Current() => new(
        CpuModel() ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        VectorIsaName(),
        System.Numerics.Vector<byte>.Count * 8,
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription);

    private static string VectorIsaName() =>
        Vector512.IsHardwareAccelerated && Avx512F.IsSupported ? "AVX-512"
        : Avx2.IsSupported ? "AVX2"
        : Sse42.IsSupported ? "SSE4.2"
        : System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported ? "AdvSIMD"
        : "none";

    /// <summary>The first "model name" of /proc/cpuinfo; null where there is none (not Linux, or unreadable).</summary>
    private static string? CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        try
        {
            if (!File.Exists(cpuinfo)) return null;
            foreach (var line in File.ReadLines(cpuinfo))
            {
                if (!line.StartsWith("model name", StringComparison.Ordinal)) continue;
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                var name = colon < 0 ? "" : line[(colon + 1)..].Trim();
                return name.Length == 0 ? null : name;
            }
        }
        catch (IOException)
        {
            // A description of the machine is a courtesy: the bench runs without it.
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }
}
