using Spectre.Console;

namespace Alvh.Cli.Commands;

/// <summary>
/// Progress of a command made of a few long steps: one bar per step, all listed from the start, each
/// spinning while it runs and full when it is done (the study engine reports no finer progress).
/// </summary>
internal static class StudyProgress
{
    public static void Run(IAnsiConsole console, params (string Description, Action Step)[] steps)
    {
        console.Progress().AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(progress =>
            {
                var tasks = steps.Select(s => progress.AddTask(Markup.Escape(s.Description), autoStart: false, maxValue: 1)).ToArray();
                for (int i = 0; i < steps.Length; i++)
                {
                    tasks[i].StartTask();
                    tasks[i].IsIndeterminate = true;
                    steps[i].Step();
                    tasks[i].IsIndeterminate = false;
                    tasks[i].Value = 1;
                    tasks[i].StopTask();
                }
            });
    }
}
