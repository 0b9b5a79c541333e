using System.Diagnostics;
using System.Globalization;

namespace Grader.Sandbox.Running.Isolation;

/// <summary>
/// The host-side launch chain around bubblewrap, all exec'd in one process so that what the launcher
/// started is, in the end, bubblewrap itself:
/// <c>sh</c> (joins the run's cgroups, opens the seccomp program on descriptor 9) → <c>prlimit</c> (rlimits)
/// → <c>setpriv</c> (as root only: the sandbox user, no groups, no capabilities, no_new_privs) → <c>bwrap</c>.
/// The drop happens before bubblewrap because bubblewrap started as root keeps root's powers over the host.
/// </summary>
internal static class SandboxCommand
{
    public const int SeccompDescriptor = 9;

    /// <summary>
    /// $1: the seccomp file or empty; $2: how many cgroup.procs files follow; then those; then "--" and
    /// the command. Writing its own pid first puts the whole tree in the cgroups before anything else runs.
    /// </summary>
    private const string Wrapper = """
        set -e
        seccomp=$1; count=$2; shift 2
        while [ "$count" -gt 0 ]; do echo $$ > "$1"; shift; count=$((count - 1)); done
        shift
        if [ -n "$seccomp" ]; then exec "$@" 9< "$seccomp"; fi
        exec "$@"
        """;

    public static ProcessStartInfo StartInfo(SandboxLayout layout, LaunchPlan plan, IReadOnlyList<string> cgroupProcsFiles, string? seccompFile)
    {
        var startInfo = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = layout.JobDirectory,
        };

        // Nothing of the host's environment reaches the chain; bubblewrap sets the runner's own.
        startInfo.Environment.Clear();
        if (plan.BubblewrapPath is not { } bubblewrap || plan.Tools is not { } tools)
        {
            startInfo.FileName = layout.Dotnet;
            Add(startInfo, BubblewrapCommand.UnsandboxedArguments(layout));
            foreach (var (name, value) in layout.Environment)
            {
                startInfo.Environment[name] = value;
            }

            return startInfo;
        }

        startInfo.FileName = tools.Shell;
        Add(startInfo, ["-c", Wrapper, "grader-sandbox", seccompFile ?? string.Empty, cgroupProcsFiles.Count.ToString(CultureInfo.InvariantCulture)]);
        Add(startInfo, cgroupProcsFiles);
        Add(startInfo, ["--"]);
        Add(startInfo, Chain(layout, plan, tools, bubblewrap));
        return startInfo;
    }

    /// <summary>prlimit, setpriv and bubblewrap with their arguments, ending in the command inside.</summary>
    public static IReadOnlyList<string> Chain(SandboxLayout layout, LaunchPlan plan, HostTools tools, string bubblewrap)
    {
        var limits = plan.Limits;
        var chain = new List<string>
        {
            tools.Prlimit,
            "--core=0",
            Invariant($"--fsize={limits.FileSizeBytes}"),
            Invariant($"--nofile={limits.OpenFiles}"),
            Invariant($"--cpu={limits.CpuSeconds}:{limits.CpuSeconds + 2}"),
        };
        if (limits.UserProcesses is { } processes)
        {
            chain.Add(Invariant($"--nproc={processes}"));
        }

        chain.Add("--");
        if (plan.User is { } user)
        {
            chain.AddRange(
            [
                tools.Setpriv,
                Invariant($"--reuid={user.Uid}"),
                Invariant($"--regid={user.Gid}"),
                "--clear-groups",
                "--no-new-privs",
                "--inh-caps=-all",
                "--bounding-set=-all",
                "--",
            ]);
        }

        chain.Add(bubblewrap);
        chain.AddRange(BubblewrapCommand.Arguments(layout));
        return chain;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private static void Add(ProcessStartInfo startInfo, IEnumerable<string> arguments)
    {
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
    }
}
