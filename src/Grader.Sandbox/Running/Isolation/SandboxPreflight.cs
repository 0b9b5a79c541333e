using System.Runtime.InteropServices;
using Grader.Sandbox.Running.Cgroups;

namespace Grader.Sandbox.Running.Isolation;

/// <summary>
/// Decides before a run how it will be contained, and refuses, with one line an operator can act on,
/// when the host cannot contain it and the operator has not opted into a development mode.
/// </summary>
internal static class SandboxPreflight
{
    public const string UnsandboxedLabel = "UNSANDBOXED (development mode)";
    public const string NoCgroupsLabel = "NO MEMORY OR PROCESS LIMITS (development mode)";

    /// <summary>Above the CPU time the wall clock allows on every core: a backstop, never the limit that ends a run.</summary>
    private const int CpuSecondsMargin = 10;

    public static LaunchPlan? Plan(SandboxOptions options, RunnerRequest request, out string problem)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(request);
        var sandboxed = File.Exists(options.BubblewrapPath);
        var dotnet = DotnetLocator.Find(options.DotnetPath, Environment.ProcessPath) ?? string.Empty;
        problem = CommonProblem(options, request, sandboxed, dotnet);
        if (problem.Length > 0)
        {
            return null;
        }

        var limits = new ResourceLimits(
            options.MaxFileSizeBytes,
            options.MaxOpenFiles,
            (int)Math.Ceiling(request.WallClock.TotalSeconds * Environment.ProcessorCount) + CpuSecondsMargin,
            null);
        if (!sandboxed)
        {
            var warning = $"{UnsandboxedLabel}: bubblewrap was not found at '{options.BubblewrapPath}', so the learner's code ran with the grader's own rights and no limits but the wall clock and output caps";
            return new LaunchPlan(dotnet, null, null, null, limits, null, [], [warning]);
        }

        if (RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            problem = $"the sandbox's seccomp filter is built for x86-64 and this host is {RuntimeInformation.OSArchitecture}; run graders on x86-64 hosts";
            return null;
        }

        if (HostTools.Find(out var missingTool) is not { } tools)
        {
            problem = $"{missingTool} was not found; it is part of the sandbox's launch chain (install util-linux)";
            return null;
        }

        if (UserNamespaceProblem() is { } userns)
        {
            problem = userns;
            return null;
        }

        SandboxUser? user = null;
        if (HostCalls.IsRoot)
        {
            if (HostCalls.FindUser(options.User) is not { } ids)
            {
                problem = $"the sandbox user '{options.User}' does not exist; run scripts/setup.sh (it creates it) or set Sandbox:User to an unprivileged account";
                return null;
            }

            if (ids.Uid == 0)
            {
                problem = $"the sandbox user '{options.User}' is root; Sandbox:User must be an unprivileged account";
                return null;
            }

            user = new SandboxUser(options.User, ids.Uid, ids.Gid);
            limits = limits with { UserProcesses = options.UserProcessLimit };
        }

        var libraries = SystemLibraries.Resolve(SystemLibraries.Default.Concat(options.AdditionalLibraries), out var missingLibrary);
        if (missingLibrary is not null)
        {
            problem = $"the system library '{missingLibrary}' the runner needs was not found in the loader's directories (Sandbox:AdditionalLibraries lists extra ones)";
            return null;
        }

        var warnings = new List<string>();
        var cgroups = CgroupHierarchy.DetectCurrent(out var cgroupProblem);
        if (cgroups is null)
        {
            if (!options.AllowMissingCgroups)
            {
                problem = MissingCgroups(cgroupProblem);
                return null;
            }

            warnings.Add(NoCgroupsWarning(cgroupProblem));
        }

        return new LaunchPlan(dotnet, options.BubblewrapPath, tools, user, limits, cgroups, libraries, warnings);
    }

    public static string MissingCgroups(string why) =>
        $"cannot limit the run's memory and processes: {why.TrimEnd('.')}; give the grader a writable cgroup (see docs/security.md) or set Sandbox:AllowMissingCgroups=true for development only";

    public static string NoCgroupsWarning(string why) =>
        $"{NoCgroupsLabel}: {why.TrimEnd('.')}, so a memory or process bomb was not contained";

    private static string CommonProblem(SandboxOptions options, RunnerRequest request, bool sandboxed, string dotnet)
    {
        if (!sandboxed && !options.AllowUnsandboxed)
        {
            return $"bubblewrap not found at '{options.BubblewrapPath}'; install it (scripts/setup.sh) or set Sandbox:AllowUnsandboxed=true for development only";
        }

        if (!File.Exists(options.RunnerPath))
        {
            return $"the runner was not found at '{options.RunnerPath}'; build src/Grader.Runner or set Sandbox:RunnerPath";
        }

        if (dotnet.Length == 0)
        {
            return string.IsNullOrWhiteSpace(options.DotnetPath)
                ? "the dotnet host was not found; install the .NET runtime or set Sandbox:DotnetPath"
                : $"the dotnet host was not found at '{options.DotnetPath}' (Sandbox:DotnetPath)";
        }

        if (request.ReadOnlyMounts.FirstOrDefault(m => !Path.IsPathFullyQualified(m) || !Path.Exists(m)) is { } mount)
        {
            return $"the read-only mount '{mount}' is not an existing absolute path";
        }

        return string.Empty;
    }

    /// <summary>Unprivileged bubblewrap needs user namespaces: Debian's switch, or a zero namespace quota, turns them off.</summary>
    private static string? UserNamespaceProblem()
    {
        if (ReadSetting("/proc/sys/kernel/unprivileged_userns_clone") == "0")
        {
            return "unprivileged user namespaces are disabled (kernel.unprivileged_userns_clone = 0); bubblewrap needs them: sysctl -w kernel.unprivileged_userns_clone=1";
        }

        if (ReadSetting("/proc/sys/user/max_user_namespaces") == "0")
        {
            return "user namespaces are disabled (user.max_user_namespaces = 0); bubblewrap needs them: sysctl -w user.max_user_namespaces=10000";
        }

        return null;
    }

    private static string? ReadSetting(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
