using System.Runtime.InteropServices;
using Alvh.Cli;

// For the commands that can stop early (AlvhCli.StopsEarly: sweep, walkforward, data fetch), Ctrl+C and SIGTERM cancel
// the command's token: a sweep stops at its next chunk and keeps every chunk it finished (System.CommandLine installs
// no handler of its own, so the process used to end at once, mid-write). A second signal ends the process as usual,
// and every other command is ended by the first, as before. The token source is not disposed: a signal arriving while
// Main returns must still find it.
var cancel = new CancellationTokenSource();
bool stopsEarly = AlvhCli.StopsEarly(args);
void Stop(PosixSignalContext signal)
{
    if (!stopsEarly || cancel.IsCancellationRequested) return;
    signal.Cancel = true;
    Console.Error.WriteLine("alvh: stopping (what is finished is kept; signal again to end at once)");
    cancel.Cancel();
}
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
return await AlvhCli.RunAsync(args, CliContext.FromProcess(), cancel.Token);
