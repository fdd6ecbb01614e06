namespace Alvh.Indicators;

/// <summary>Incremental <see cref="BreadthDivergence"/>; equals the batch output.</summary>
public sealed class BreadthDivergenceStream
{
    private readonly RollingExtremes _price;
    private readonly RollingExtremes _breadth;

    /// <summary>Creates the stream.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lookback"/> is below 2.</exception>
    public BreadthDivergenceStream(int lookback = 20)
    {
        Guard.Period(lookback, 2, nameof(lookback));
        _price = new RollingExtremes(lookback);
        _breadth = new RollingExtremes(lookback);
    }

    /// <summary>Adds a day's price and breadth value; returns −1 bearish, +1 bullish divergence, or 0.</summary>
    public int Add(double price, double breadthLine)
    {
        if (double.IsNaN(price) || double.IsNaN(breadthLine))
        {
            price = double.NaN;
            breadthLine = double.NaN;
        }
        bool priceReady = _price.Add(price);
        bool breadthReady = _breadth.Add(breadthLine);
        if (!priceReady || !breadthReady) return 0;
        return BreadthDivergence.Signal(price, breadthLine, _price.Max, _price.Min, _breadth.Max, _breadth.Min);
    }
}
