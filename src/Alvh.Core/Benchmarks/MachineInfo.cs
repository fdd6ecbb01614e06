using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Alvh.Benchmarks;

/// <summary>
/// The machine a bench ran on, so figures from different machines are not compared blind: the same build priced
/// 39–50 M options/s on an AVX-512 VM and 23 M/s on an AVX2-only one before its kernel was reworked (closing note of
/// stop 22).
/// </summary>
/// <param name="Cpu">The processor's model name (on Linux from <c>/proc/cpuinfo</c>, read by the CLI), else the architecture.</param>
/// <param name="Cores">Logical processors the runtime sees.</param>
/// <param name="VectorIsa">The widest vector instructions the runtime accelerates: AVX-512, AVX2, SSE4.2, Arm AdvSIMD, or none.</param>
/// <param name="VectorBits">Width of <see cref="System.Numerics.Vector{T}"/> the JIT uses, bits.</param>
/// <param name="Runtime">The .NET runtime's description.</param>
/// <param name="Os">The operating system's description.</param>
public sealed record MachineInfo(string Cpu, int Cores, string VectorIsa, int VectorBits, string Runtime, string Os)
{
    /// <summary>Describes the current machine; <paramref name="cpu"/> names its processor (the core library reads no file: the CLI reads it), else the architecture stands in.</summary>
    public static MachineInfo Current(string? cpu = null) => new(
        string.IsNullOrWhiteSpace(cpu) ? RuntimeInformation.ProcessArchitecture.ToString() : cpu,
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
}
