using Alvh.Regimes;

namespace Alvh.Core.Tests.Regimes;

public class TermStructureTests
{
    [Fact]
    public void Classifies_from_aligned_arrays()
    {
        double[] vix = [14, 30, 20, double.NaN, 20.1];
        double[] vix3m = [17, 26, 20, 18, 20];
        TermStructure.Classify(vix, vix3m).Should().Equal(
            TermStructureState.Contango, TermStructureState.Backwardation, TermStructureState.Flat,
            TermStructureState.Unknown, TermStructureState.Backwardation);
        TermStructure.Classify(20.1, 20, flatTolerance: 0.01).Should().Be(TermStructureState.Flat);
        TermStructure.Ratio(15, 20).Should().Be(0.75);
    }
}
