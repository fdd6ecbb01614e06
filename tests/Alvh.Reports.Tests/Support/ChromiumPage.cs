using System.Text.Json.Nodes;

namespace Alvh.Reports.Tests.Support;

/// <summary>What headless Chromium saw when it opened a page.</summary>
/// <param name="Errors">Console errors, uncaught exceptions, log errors and failed loads, one line each.</param>
/// <param name="ForeignRequests">Every request whose URL is neither <c>file:</c> nor <c>data:</c>.</param>
/// <param name="Evaluation">The value the check script returned.</param>
/// <param name="Screenshot">A full-page PNG.</param>
public sealed record ChromiumPage(IReadOnlyList<string> Errors, IReadOnlyList<string> ForeignRequests, JsonNode? Evaluation, byte[] Screenshot);
