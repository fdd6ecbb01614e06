namespace Alvh.Cli;

/// <summary>Process exit codes, documented in <c>--help</c> and the README.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The command ran and failed (a download that could not complete, an output folder that cannot be made or written, an internal error).</summary>
    public const int Failure = 1;

    /// <summary>Bad input: unknown options, a data file that cannot be read, no data folder.</summary>
    public const int BadInput = 2;

    /// <summary>
    /// A command that can stop early (<see cref="AlvhCli.StopsEarly"/>) was stopped by Ctrl+C or SIGTERM: 128 + SIGINT,
    /// the shells' convention, for either signal; what it finished is kept. Other commands end at the signal as before.
    /// </summary>
    public const int Cancelled = 130;
}
