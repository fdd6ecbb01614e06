using System.CommandLine;

namespace Alvh.Cli.Commands;

/// <summary><c>alvh data fetch [--data DIR]</c>: download the public series (wired to the fetcher below).</summary>
internal static class DataFetchCommand
{
    public static Command Create(CliContext context)
    {
        var data = CommonOptions.Data();
        var command = new Command("fetch", "Download the public series (Cboe, FRED, Shiller/S&P, SPY, VX futures) into the data folder.") { data };
        command.SetAction(_ =>
        {
            context.Error.WriteLine("alvh: data fetch is not wired yet");
            return ExitCodes.Failure;
        });
        return command;
    }
}
