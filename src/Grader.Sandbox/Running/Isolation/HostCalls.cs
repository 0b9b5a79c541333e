using System.Runtime.InteropServices;

namespace Grader.Sandbox.Running.Isolation;

/// <summary>The few POSIX calls .NET has no API for: who we are, users, ownership, canonical paths, signals.</summary>
internal static partial class HostCalls
{
    private const int SigKill = 9;

    // getpwnam returns a pointer into static storage: one caller at a time.
    private static readonly Lock PasswdLock = new();

    public static bool IsRoot => GetEffectiveUserId() == 0;

    /// <summary>The user's uid and primary gid from the system's user database (NSS), or null if unknown.</summary>
    public static (uint Uid, uint Gid)? FindUser(string name)
    {
        lock (PasswdLock)
        {
            var entry = GetPasswdByName(name);
            if (entry == IntPtr.Zero)
            {
                return null;
            }

            // struct passwd on 64-bit glibc: char *pw_name; char *pw_passwd; uid_t pw_uid; gid_t pw_gid; ...
            return ((uint)Marshal.ReadInt32(entry, 2 * IntPtr.Size), (uint)Marshal.ReadInt32(entry, (2 * IntPtr.Size) + 4));
        }
    }

    /// <summary>Changes the group only (the owner stays).</summary>
    public static void ChangeGroup(string path, uint gid)
    {
        // (uid_t)-1: leave the owner as it is.
        if (LChown(path, uint.MaxValue, gid) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"chown '{path}' failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
        }
    }

    /// <summary>The path with every symbolic link resolved (realpath(3)), or null if it does not exist.</summary>
    public static string? RealPath(string path)
    {
        var resolved = RealPathNative(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }

    /// <summary>SIGKILL; false if the process is already gone.</summary>
    public static bool Kill(int pid) => KillNative(pid, SigKill) == 0;

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();

    [LibraryImport("libc", EntryPoint = "getpwnam", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetPasswdByName(string name);

    [LibraryImport("libc", EntryPoint = "lchown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LChown(string path, uint uid, uint gid);

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr RealPathNative(string path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(IntPtr pointer);

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int KillNative(int pid, int signal);
}
