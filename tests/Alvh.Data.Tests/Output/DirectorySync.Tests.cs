using Alvh.Data.Output;

namespace Alvh.Data.Tests.Output;

/// <summary>
/// The folder flush a sweep makes between a part's rename and its journal line (POSIX fsync on the folder: a renamed
/// file's new name is durable only once its folder is flushed; see fsync(2), "Calling fsync() does not necessarily ensure
/// that the entry in the directory containing the file has also reached disk").
/// </summary>
public class DirectorySyncTests
{
    [Fact]
    public void A_folder_is_flushed_where_the_platform_can_and_a_missing_one_is_not()
    {
        using var folder = new TempFolder();
        bool posix = OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD();
        DirectorySync.Flush(folder.Path).Should().BeNull("open(O_RDONLY) and fsync succeed on a folder on Linux and macOS, and elsewhere there is nothing to do");
        var missing = DirectorySync.Flush(System.IO.Path.Combine(folder.Path, "missing"));
        // ENOENT is 2 on Linux, macOS and FreeBSD (errno.h).
        if (posix) missing.Should().Be("open failed, errno 2", "open fails, said with its error number, and no exception");
        else missing.Should().BeNull();
    }
}
