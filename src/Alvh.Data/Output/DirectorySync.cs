using System.Runtime.InteropServices;

namespace Alvh.Data.Output;

/// <summary>
/// Flushes a folder's entries to disk (fsync on the folder, POSIX; F_FULLFSYNC first on macOS), so a rename inside it
/// survives a power cut: a file flushed and renamed is on disk, but its new name is only once the folder is. .NET opens no handle on a folder, hence
/// the call into libc; elsewhere (Windows, whose renames are journaled by NTFS) it does nothing.
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0; // O_RDONLY

    private const int FullFsync = 51; // F_FULLFSYNC, macOS <sys/fcntl.h>

    /// <summary>
    /// Flushes <paramref name="folder"/>'s entries; null when it did, or where the platform has no such call (nothing to
    /// do); otherwise why not, with the error number (a file system that cannot flush a folder answers EINVAL).
    /// </summary>
    public static string? Flush(string folder)
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())) return null;
        int fd = Open(folder, ReadOnly);
        if (fd < 0) return $"open failed, errno {Marshal.GetLastPInvokeError()}";
        try
        {
            // macOS's fsync leaves the data in the drive's cache: F_FULLFSYNC flushes it, as .NET's own Flush(true) and
            // Go's Fsync do there; a file system without it (some network ones) gets the plain fsync.
            if (OperatingSystem.IsMacOS() && Fcntl(fd, FullFsync) == 0) return null;
            return Fsync(fd) == 0 ? null : $"fsync failed, errno {Marshal.GetLastPInvokeError()}";
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    // fcntl is variadic; F_FULLFSYNC takes no third argument, so none is passed (on arm64 a variadic one would go on the stack).
    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int command);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
