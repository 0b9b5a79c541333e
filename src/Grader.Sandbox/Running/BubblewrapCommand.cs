using System.Globalization;

namespace Grader.Sandbox.Running;

/// <summary>
/// The bubblewrap command line for one run: every namespace unshared (so no network) and no new user
/// namespaces inside, a cleared environment, the seccomp filter, only the dotnet runtime, the runner,
/// the job directory and a handful of system libraries read-only, a size-limited private /tmp, and
/// nothing else of the host: no /usr, /bin, /etc or /sys, so no shell or tool to run.
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
            // Explicit, because --disable-userns needs it: the runner can make no namespaces of its own.
            "--unshare-user",
            "--disable-userns",
            "--hostname", "sandbox",
            "--die-with-parent",
            "--new-session",
            "--clearenv",
        };

        foreach (var (name, value) in layout.Environment)
        {
            args.AddRange(["--setenv", name, value]);
        }

        if (layout.SeccompDescriptor is { } descriptor)
        {
            args.AddRange(["--seccomp", descriptor.ToString(CultureInfo.InvariantCulture)]);
        }

        foreach (var root in LibraryRoots)
        {
            if (new DirectoryInfo(root).LinkTarget is { } target)
            {
                args.AddRange(["--symlink", target, root]);
            }
        }

        foreach (var (source, destination) in layout.Libraries)
        {
            args.AddRange(["--ro-bind", source, destination]);
        }

        // No /sys and no /etc: .NET (invariant globalization) and libtorch on the CPU start without
        // them, and libtorch still sizes its thread pool right (from /proc and the affinity mask).
        args.AddRange(["--proc", "/proc", "--dev", "/dev"]);
        if (layout.TmpSizeBytes is { } size)
        {
            args.AddRange(["--size", size.ToString(CultureInfo.InvariantCulture)]);
        }

        args.AddRange(["--tmpfs", "/tmp"]);

        // After the tmpfs, so that host paths under /tmp (a runtime or dataset there) are not hidden by it.
        args.AddRange(["--ro-bind", layout.DotnetRoot, layout.DotnetRoot]);
        args.AddRange(["--ro-bind", layout.RunnerDirectory, RunnerMount]);
        args.AddRange(["--ro-bind", layout.JobDirectory, JobMount]);
        foreach (var mount in layout.ReadOnlyMounts)
        {
            args.AddRange(["--ro-bind", mount, mount]);
        }

        args.AddRange(["--chdir", JobMount, "--"]);
        args.AddRange(layout.Command ?? [layout.Dotnet, $"{RunnerMount}/{layout.RunnerFileName}", "--job", JobMount]);
        return args;
    }

    /// <summary>The same runner invocation without a sandbox (development only).</summary>
    public static IReadOnlyList<string> UnsandboxedArguments(SandboxLayout layout) =>
        [Path.Combine(layout.RunnerDirectory, layout.RunnerFileName), "--job", layout.JobDirectory];
}
