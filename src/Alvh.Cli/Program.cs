using System.Runtime.InteropServices;
using Alvh.Cli;

// Ctrl+C and SIGTERM cancel the command's token, so a sweep stops at its next chunk and keeps every chunk it finished
// (System.CommandLine left the runtime's default in place: the process ended at once, mid-write). A second signal ends
// the process as usual.
using var cancel = new CancellationTokenSource();
void Stop(PosixSignalContext signal)
{
    if (cancel.IsCancellationRequested) return;
    signal.Cancel = true;
    Console.Error.WriteLine("alvh: stopping (a command that can stop early keeps what it finished; signal again to end at once)");
    cancel.Cancel();
}
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
return await AlvhCli.RunAsync(args, CliContext.FromProcess(), cancel.Token);
