using System.Collections.Immutable;

namespace Alvh.Structures;

/// <summary>A fixed set of option legs on one underlying and one expiry (single option, vertical, iron condor).</summary>
public interface IOptionStructure
{
    /// <summary>The legs, immutable, in increasing strike order (puts before calls at equal strikes).</summary>
    ImmutableArray<OptionLeg> Legs { get; }
}
