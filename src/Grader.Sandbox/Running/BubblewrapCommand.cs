using System.Diagnostics;

namespace Grader.Sandbox.Running;

/// <summary>
/// The bubblewrap command line for one run: every namespace unshared (so no network), a cleared
/// environment, the system libraries, runtime and runner read-only, the job directory read-only at
/// <see cref="JobMount"/> (writing into its FIFO still works), a private /tmp, and nothing else of the host.
/// </summary>
internal static class BubblewrapCommand
{
    public const string RunnerMount = "/runner";
    public const string JobMount = "/job";

    /// <summary>Top-level directories that merged-/usr systems replace with symlinks into /usr.</summary>
    private static readonly string[] LibraryRoots = ["/lib", "/lib64"];

    public static IReadOnlyList<string> Arguments(SandboxLayout layout)
    {
        var args = new List<string>
        {
            "--unshare-all",
            "--die-with-parent",
            "--new-session",
            "--clearenv",
        };

        foreach (var (name, value) in layout.Environment)
        {
            args.AddRange(["--setenv", name, value]);
        }

        args.AddRange(["--ro-bind", "/usr", "/usr"]);
        foreach (var root in LibraryRoots)
        {
            AddSystemRoot(args, root);
        }

        // No /sys and no /etc: .NET (invariant globalization) and libtorch on the CPU start without
        // them, and libtorch still sizes its thread pool right (from /proc and the affinity mask).
        args.AddRange(["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]);

        // After the tmpfs, so that host paths under /tmp (a runtime or dataset there) are not hidden by it.
        args.AddRange(["--ro-bind", layout.DotnetRoot, layout.DotnetRoot]);
        args.AddRange(["--ro-bind", layout.RunnerDirectory, RunnerMount]);
        args.AddRange(["--ro-bind", layout.JobDirectory, JobMount]);
        foreach (var mount in layout.ReadOnlyMounts)
        {
            args.AddRange(["--ro-bind", mount, mount]);
        }

        args.AddRange(["--chdir", JobMount, "--", layout.Dotnet, $"{RunnerMount}/{layout.RunnerFileName}", "--job", JobMount]);
        return args;
    }

    /// <summary>The process to start: bubblewrap when <paramref name="bubblewrapPath"/> is given, else dotnet directly.</summary>
    public static ProcessStartInfo StartInfo(SandboxLayout layout, string? bubblewrapPath)
    {
        var startInfo = new ProcessStartInfo
        {
            FileName = bubblewrapPath ?? layout.Dotnet,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = layout.JobDirectory,
        };

        foreach (var argument in bubblewrapPath is null ? UnsandboxedArguments(layout) : Arguments(layout))
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (bubblewrapPath is null)
        {
            // bubblewrap clears the environment itself; without it we do, so no host secret leaks in.
            startInfo.Environment.Clear();
            foreach (var (name, value) in layout.Environment)
            {
                startInfo.Environment[name] = value;
            }
        }

        return startInfo;
    }

    /// <summary>The same runner invocation without a sandbox (development only).</summary>
    public static IReadOnlyList<string> UnsandboxedArguments(SandboxLayout layout) =>
        [Path.Combine(layout.RunnerDirectory, layout.RunnerFileName), "--job", layout.JobDirectory];

    private static void AddSystemRoot(List<string> args, string root)
    {
        var info = new DirectoryInfo(root);
        if (info.LinkTarget is { } target)
        {
            args.AddRange(["--symlink", target, root]);
        }
        else if (info.Exists)
        {
            args.AddRange(["--ro-bind", root, root]);
        }
    }
}
