namespace Alvh.Model;

/// <summary>Out-of-sample error of the VX model for contracts with a given time to expiry.</summary>
/// <param name="FromDays">Bucket start, calendar days to expiry (inclusive).</param>
/// <param name="ToDays">Bucket end, calendar days to expiry (exclusive).</param>
/// <param name="Count">Settles in the bucket.</param>
/// <param name="MeanError">Mean of model − settle, VIX points.</param>
/// <param name="Rmse">Root-mean-square of model − settle, VIX points.</param>
public sealed record VxTenorBucketError(int FromDays, int ToDays, int Count, double MeanError, double Rmse);
