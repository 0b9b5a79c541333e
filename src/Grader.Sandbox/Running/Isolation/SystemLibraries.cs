namespace Grader.Sandbox.Running.Isolation;

/// <summary>
/// Finds the few shared libraries the runtime and libtorch load from the system, so that the sandbox
/// binds those files instead of all of /usr (which would bring shells, interpreters and every tool).
/// Each file is bound at its canonical host path (symbolic links in the directories resolved), where the
/// dynamic loader's default search finds it through the top-level /lib and /lib64 links.
/// </summary>
internal static class SystemLibraries
{
    /// <summary>The ELF interpreter named in every x86-64 executable's PT_INTERP.</summary>
    public const string Interpreter = "/lib64/ld-linux-x86-64.so.2";

    /// <summary>What dotnet, libcoreclr, libSystem.Native and libtorch load (ldd and strace of a real run).</summary>
    public static readonly IReadOnlyList<string> Default =
    [
        "libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libgcc_s.so.1", "libstdc++.so.6",
    ];

    /// <summary>The loader's default directories, in its order (multiarch first, as on Debian and Ubuntu).</summary>
    private static readonly string[] SearchDirectories =
    [
        "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib",
    ];

    /// <summary>
    /// (host file, sandbox path) pairs for the interpreter and each library; a library name that is a path
    /// is taken as it is. Returns the first name that cannot be found in <paramref name="missing"/>.
    /// </summary>
    public static IReadOnlyList<(string Source, string Destination)> Resolve(IEnumerable<string> names, out string? missing)
    {
        missing = null;
        var mounts = new List<(string, string)>();
        if (Find(Interpreter) is not { } interpreter)
        {
            missing = Interpreter;
            return mounts;
        }

        mounts.Add(interpreter);
        foreach (var name in names)
        {
            var found = name.StartsWith('/') ? Find(name) : SearchDirectories.Select(d => Find(Path.Combine(d, name))).FirstOrDefault(m => m is not null);
            if (found is null)
            {
                missing = name;
                return mounts;
            }

            mounts.Add(found.Value);
        }

        return mounts;
    }

    /// <summary>Binds the file the path finally names at the path with its directories canonicalised.</summary>
    private static (string Source, string Destination)? Find(string path)
    {
        if (HostCalls.RealPath(path) is not { } file || !File.Exists(file) || HostCalls.RealPath(Path.GetDirectoryName(path)!) is not { } directory)
        {
            return null;
        }

        return (file, Path.Combine(directory, Path.GetFileName(path)));
    }
}
