using Alvh.Data.Readers;

namespace Alvh.Data.Tests.Readers;

// Layout: DATE,VIX,VX1..VXn,SP500 (VXk = k-th nearest monthly contract's settle). Values made up.
public class VxContinuousReaderTests
{
    [Fact]
    public void Reads_every_vx_column_in_order()
    {
        var r = VxContinuousReader.Parse("DATE,VIX,VX1,VX2,VX3,SP500\n2010-01-04,20.0,21.0,22.0,23.0,1100.5\n2010-01-05,19.5,20.5,,22.5,1105.0\n", "vx-continuous", "c.csv");
        var c = r.Value;
        c.Depth.Should().Be(3);
        c.Settles[0].Should().Equal(21.0, 20.5);
        double.IsNaN(c.Settles[1][1]).Should().BeTrue();
        c.Sp500.Should().Equal(1100.5, 1105.0);
        c.Vix.Should().Equal(20.0, 19.5);
    }
}
