using System.Runtime.InteropServices;

namespace Grader.Sandbox.Running;

/// <summary>The two FIFO operations .NET does not offer: create one, and poke its reader without blocking.</summary>
internal static partial class Fifo
{
    private const int OpenWriteOnly = 0x1;
    private const int OpenNonBlocking = 0x800;
    private const int OpenCloseOnExec = 0x80000;

    public static void Create(string path, UnixFileMode mode)
    {
        if (MakeFifo(path, (uint)mode) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"mkfifo '{path}' failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
        }
    }

    /// <summary>
    /// Opens the FIFO for writing and closes it at once, which releases a reader blocked in open() and
    /// gives it end-of-file. Never blocks: without a reader it fails (ENXIO) and returns false.
    /// </summary>
    public static bool TryPokeReader(string path)
    {
        var fd = Open(path, OpenWriteOnly | OpenNonBlocking | OpenCloseOnExec);
        if (fd < 0)
        {
            return false;
        }

        _ = Close(fd);
        return true;
    }

    [LibraryImport("libc", EntryPoint = "mkfifo", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MakeFifo(string path, uint mode);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
