namespace Alvh.Data.Output;

/// <summary>
/// An output folder written as a whole: every file of a run goes first into a hidden staging folder inside it, and only
/// when all are written are they moved into place (renames within one file system, which need no space and do not
/// fail half-way like a write). A run that fails (a full disk, an error in a report) leaves the folder's previous
/// results exactly as they were, instead of some files from the new run beside others from the old one. Files of the
/// folder the run does not write are left alone (it may be a folder of the user's).
/// </summary>
public sealed class StagedFolder : IDisposable
{
    private const string Prefix = ".staging.";

    /// <summary>The highest folder this run made (the output folder or one above it), or null when the folder existed.</summary>
    private readonly string? _created;
    private bool _committed;

    private StagedFolder(string folder, string staging, string? created)
    {
        Folder = folder;
        Path = staging;
        _created = created;
    }

    /// <summary>The output folder.</summary>
    public string Folder { get; }

    /// <summary>Where the run writes: a staging folder inside <see cref="Folder"/>.</summary>
    public string Path { get; }

    /// <summary>Starts staging into <paramref name="folder"/> (created if missing).</summary>
    public static StagedFolder Begin(string folder)
    {
        folder = System.IO.Path.GetFullPath(folder);
        string? created = null;
        for (string? f = folder; f is not null && !Directory.Exists(f); f = System.IO.Path.GetDirectoryName(f)) created = f;
        Directory.CreateDirectory(folder);
        RemoveAbandoned(folder);
        var staging = System.IO.Path.Combine(folder, $"{Prefix}{Environment.ProcessId}.{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return new StagedFolder(folder, staging, created);
    }

    /// <summary>
    /// Staging folders of runs that were killed (Ctrl+C or SIGTERM end those commands at once, before they can clean up):
    /// the process that named one is no longer running.
    /// </summary>
    private static void RemoveAbandoned(string folder)
    {
        foreach (var dir in Directory.EnumerateDirectories(folder, Prefix + "*"))
        {
            var parts = System.IO.Path.GetFileName(dir).Split('.');
            if (parts.Length < 3 || !int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int pid) || Running(pid)) continue;
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Another process may be removing it too; what is left is removed next time.
            }
        }
    }

    private static bool Running(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The final path of a file written at <paramref name="stagedPath"/>.</summary>
    public string Final(string stagedPath) => System.IO.Path.Combine(Folder, System.IO.Path.GetRelativePath(Path, stagedPath));

    /// <summary>Moves every staged file into the folder (subfolders kept), replacing files of the same name.</summary>
    /// <param name="replacing">Files (paths relative to the folder) that the command writes in some runs and not in others,
    /// such as a chart drawn only for a strategy with a condor: those this run did not stage are removed, so that an
    /// earlier run's copy does not stay beside this run's files and describe another run. Files not named are left alone.</param>
    public void Commit(IEnumerable<string>? replacing = null)
    {
        var staged = Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var written = staged.Select(f => System.IO.Path.GetRelativePath(Path, f)).ToHashSet(StringComparer.Ordinal);
        foreach (var file in staged)
        {
            var target = Final(file);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Move(file, target, overwrite: true);
        }
        foreach (var name in replacing ?? [])
        {
            if (!written.Contains(name)) File.Delete(System.IO.Path.Combine(Folder, name));
        }
        _committed = true;
        Directory.Delete(Path, recursive: true);
    }

    /// <summary>Removes the staging folder; without <see cref="Commit"/>, nothing of the run reaches the folder.</summary>
    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
        if (_committed || _created is null) return;
        // The folders it made, up to the highest, while empty: walkforward stages before its runs, and one that then failed
        // (a period too short for a fold) left an empty out/ behind a --out out/wf.
        for (string? f = Folder; f is not null && f.Length >= _created.Length && !Directory.EnumerateFileSystemEntries(f).Any(); f = System.IO.Path.GetDirectoryName(f))
        {
            Directory.Delete(f);
        }
    }
}
