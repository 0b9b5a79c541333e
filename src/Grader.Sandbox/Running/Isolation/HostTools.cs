namespace Grader.Sandbox.Running.Isolation;

/// <summary>The host programs of the launch chain (util-linux and a POSIX shell), found at their usual places.</summary>
/// <param name="Shell">Runs the few lines that join the cgroup and open the seccomp program (outside the sandbox).</param>
/// <param name="Prlimit">Sets the rlimits.</param>
/// <param name="Setpriv">Drops to the sandbox user before bubblewrap starts.</param>
internal sealed record HostTools(string Shell, string Prlimit, string Setpriv)
{
    public static HostTools? Find(out string missing)
    {
        var shell = First("/bin/sh", "/usr/bin/sh");
        var prlimit = First("/usr/bin/prlimit", "/bin/prlimit");
        var setpriv = First("/usr/bin/setpriv", "/bin/setpriv");
        missing = shell is null ? "/bin/sh" : prlimit is null ? "prlimit (util-linux)" : setpriv is null ? "setpriv (util-linux)" : string.Empty;
        return missing.Length == 0 ? new HostTools(shell!, prlimit!, setpriv!) : null;
    }

    private static string? First(params string[] paths) => paths.FirstOrDefault(File.Exists);
}
