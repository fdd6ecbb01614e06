namespace Alvh.Data.Fetch;

/// <summary>
/// One file of the data folder and where it comes from.
/// </summary>
/// <param name="Name">Short name used by <c>--only</c>, e.g. <c>vix</c>, <c>dtb3</c>, <c>vx</c>.</param>
/// <param name="FileName">File written in the data folder, e.g. <c>vix-daily.csv</c>.</param>
/// <param name="Url">
/// Public URL. Yahoo URLs carry the placeholder <c>{period2}</c> (Unix seconds of now); the VX
/// URL carries <c>{expiration}</c> (the contract's expiration, <c>yyyy-MM-dd</c>).
/// </param>
/// <param name="Format">How the response becomes the file.</param>
/// <param name="ExpectedHeader">
/// Start of the first line the written file must have (compared case-insensitively, a UTF-8
/// byte-order mark ignored); a file without it is rejected and the old file kept.
/// </param>
/// <param name="Description">What the series is, in plain words.</param>
public sealed record DataSource(
    string Name,
    string FileName,
    string Url,
    SourceFormat Format,
    string ExpectedHeader,
    string Description)
{
    /// <summary>Placeholder in Yahoo URLs for the end of the requested period, in Unix seconds.</summary>
    public const string Period2Placeholder = "{period2}";

    /// <summary>Placeholder in the VX URL for a contract's expiration date, <c>yyyy-MM-dd</c>.</summary>
    public const string ExpirationPlaceholder = "{expiration}";
}
