namespace Alvh.Data.Fetch;

/// <summary>The downloaded text of one VX contract's Cboe history file.</summary>
/// <param name="Expiration">The contract's expiration (final settlement date), from its file name <c>VX_yyyy-MM-dd.csv</c>.</param>
/// <param name="Csv">File text: <c>Trade Date,Futures,Open,High,Low,Close,Settle,Change,Total Volume,EFP,Open Interest</c> and rows.</param>
/// <param name="Url">Where it was downloaded from, named in errors; null when unknown.</param>
public readonly record struct VxContractFile(DateOnly Expiration, string Csv, string? Url = null);
