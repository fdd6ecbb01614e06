using Alvh.Data.Output;

namespace Alvh.Data.Tests.Output;

public class StagedFolderTests
{
    [Fact]
    public void A_run_that_fails_before_commit_leaves_the_previous_results_whole()
    {
        using var d = new TempFolder();
        string folder = Path.Combine(d.Path, "out");
        Directory.CreateDirectory(Path.Combine(folder, "drip"));
        File.WriteAllText(Path.Combine(folder, "report.html"), "old report");
        File.WriteAllText(Path.Combine(folder, "drip", "daily.csv"), "old daily");

        var act = () =>
        {
            using var staged = StagedFolder.Begin(folder);
            Directory.CreateDirectory(Path.Combine(staged.Path, "drip"));
            File.WriteAllText(Path.Combine(staged.Path, "drip", "daily.csv"), "new daily");
            throw new IOException("No space left on device");
        };

        act.Should().Throw<IOException>();
        File.ReadAllText(Path.Combine(folder, "report.html")).Should().Be("old report");
        File.ReadAllText(Path.Combine(folder, "drip", "daily.csv")).Should().Be("old daily");
        Directory.GetDirectories(folder).Select(Path.GetFileName).Should().Equal("drip");
    }

    [Fact]
    public void Commit_moves_every_file_into_place_and_leaves_other_files_alone()
    {
        using var d = new TempFolder();
        string folder = Path.Combine(d.Path, "out");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "the user's own file");
        File.WriteAllText(Path.Combine(folder, "study.json"), "old");
        string report;

        using (var staged = StagedFolder.Begin(folder))
        {
            Directory.CreateDirectory(Path.Combine(staged.Path, "drip"));
            File.WriteAllText(Path.Combine(staged.Path, "drip", "daily.csv"), "new daily");
            File.WriteAllText(Path.Combine(staged.Path, "study.json"), "new");
            report = staged.Final(Path.Combine(staged.Path, "study.html"));
            staged.Commit();
        }

        report.Should().Be(Path.Combine(folder, "study.html"));
        File.ReadAllText(Path.Combine(folder, "study.json")).Should().Be("new");
        File.ReadAllText(Path.Combine(folder, "drip", "daily.csv")).Should().Be("new daily");
        File.ReadAllText(Path.Combine(folder, "notes.txt")).Should().Be("the user's own file");
        Directory.GetDirectories(folder).Select(Path.GetFileName).Should().Equal("drip");
    }

    [Fact]
    public void A_failed_first_run_leaves_no_folder_behind()
    {
        using var d = new TempFolder();
        string folder = Path.Combine(d.Path, "new");

        using (StagedFolder.Begin(folder))
        {
        }

        Directory.Exists(folder).Should().BeFalse();
    }

    /// <summary>The folders above it that the run made go too, while empty; a folder that was there stays.</summary>
    [Fact]
    public void A_failed_first_run_leaves_none_of_the_folders_it_made_behind()
    {
        using var d = new TempFolder();
        string folder = Path.Combine(d.Path, "out", "runs", "wf");

        using (StagedFolder.Begin(folder))
        {
        }

        Directory.Exists(Path.Combine(d.Path, "out")).Should().BeFalse();
        Directory.Exists(d.Path).Should().BeTrue();

        Directory.CreateDirectory(Path.Combine(d.Path, "out"));
        using (StagedFolder.Begin(folder))
        {
            File.WriteAllText(Path.Combine(d.Path, "out", "notes.txt"), "the user's own file, written meanwhile");
        }

        Directory.Exists(Path.Combine(d.Path, "out", "runs")).Should().BeFalse();
        File.Exists(Path.Combine(d.Path, "out", "notes.txt")).Should().BeTrue();
    }
    [Fact]
    public void Staging_left_by_a_killed_run_is_removed_and_an_existing_empty_folder_kept()
    {
        // Ctrl+C ends study or backtest at once, before Dispose: the next run removes what a dead process left.
        using var d = new TempFolder();
        string folder = Path.Combine(d.Path, "out");
        string abandoned = Path.Combine(folder, ".staging.2147483646.0123456789abcdef");
        Directory.CreateDirectory(abandoned);
        File.WriteAllText(Path.Combine(abandoned, "daily.csv"), "half written");

        using (StagedFolder.Begin(folder))
        {
        }

        Directory.Exists(abandoned).Should().BeFalse();
        Directory.Exists(folder).Should().BeTrue("it existed before the run, so a failed run does not remove it");
    }

    /// <summary>
    /// A command whose runs write some files only sometimes (a backtest's condor chart, drawn only for a strategy with
    /// a condor) names them at the commit: those this run did not write are removed, so an earlier run's copy does not
    /// stay beside this run's files; files it does not name are the user's and stay.
    /// </summary>
    [Fact]
    public void Commit_removes_the_named_files_this_run_did_not_write()
    {
        using var d = new TempFolder();
        string folder = Path.Combine(d.Path, "out");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "condor-pnl.png"), "an earlier run's chart");
        File.WriteAllText(Path.Combine(folder, "equity.png"), "old equity");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "the user's own file");

        using (var staged = StagedFolder.Begin(folder))
        {
            File.WriteAllText(Path.Combine(staged.Path, "equity.png"), "new equity");
            staged.Commit(replacing: ["equity.png", "condor-pnl.png", "vix.png"]);
        }

        File.Exists(Path.Combine(folder, "condor-pnl.png")).Should().BeFalse();
        File.ReadAllText(Path.Combine(folder, "equity.png")).Should().Be("new equity");
        File.ReadAllText(Path.Combine(folder, "notes.txt")).Should().Be("the user's own file");
    }
}
