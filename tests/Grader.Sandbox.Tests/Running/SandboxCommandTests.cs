using Grader.Sandbox.Running;
using Grader.Sandbox.Running.Isolation;

namespace Grader.Sandbox.Tests.Running;

public sealed class SandboxCommandTests
{
    private static readonly SandboxLayout Layout = new("/usr/share/dotnet/dotnet", "/opt/grader/runner", "Grader.Runner.dll", "/tmp/grader-jobs/abc", []);
    private static readonly HostTools Tools = new("/bin/sh", "/usr/bin/prlimit", "/usr/bin/setpriv");
    private static readonly ResourceLimits Limits = new(256L * 1024 * 1024, 1024, 250, 4096);

    [Fact]
    public void Chain_AsRoot_RlimitsThenDropToTheSandboxUserThenBubblewrap()
    {
        var plan = Plan(new SandboxUser("grader-sandbox", 999, 995));

        var chain = SandboxCommand.Chain(Layout, plan, Tools, "/usr/bin/bwrap").ToList();

        Assert.Equal(
            ["/usr/bin/prlimit", "--core=0", "--fsize=268435456", "--nofile=1024", "--cpu=250:252", "--nproc=4096", "--"],
            chain[..7]);
        Assert.Equal(
            ["/usr/bin/setpriv", "--reuid=999", "--regid=995", "--clear-groups", "--no-new-privs", "--inh-caps=-all", "--bounding-set=-all", "--", "/usr/bin/bwrap"],
            chain[7..16]);
    }

    [Fact]
    public void Chain_Unprivileged_NoSetprivAndNoUserProcessLimit()
    {
        var plan = Plan(null) with { Limits = Limits with { UserProcesses = null } };

        var chain = SandboxCommand.Chain(Layout, plan, Tools, "/usr/bin/bwrap").ToList();

        Assert.DoesNotContain("/usr/bin/setpriv", chain);
        Assert.DoesNotContain(chain, a => a.StartsWith("--nproc", StringComparison.Ordinal));
        Assert.Equal("/usr/bin/bwrap", chain[chain.IndexOf("--") + 1]);
    }

    [Fact]
    public void StartInfo_Sandboxed_ShellJoinsCgroupsWithAnEmptyEnvironment()
    {
        var startInfo = SandboxCommand.StartInfo(Layout, Plan(null), ["/sys/fs/cgroup/memory/x/cgroup.procs", "/sys/fs/cgroup/pids/x/cgroup.procs"], "/tmp/grader-jobs/abc.seccomp");

        Assert.Equal("/bin/sh", startInfo.FileName);
        Assert.Equal(["/tmp/grader-jobs/abc.seccomp", "2", "/sys/fs/cgroup/memory/x/cgroup.procs", "/sys/fs/cgroup/pids/x/cgroup.procs", "--", "/usr/bin/prlimit"], startInfo.ArgumentList.Skip(3).Take(6));
        Assert.Empty(startInfo.Environment);
    }

    [Fact]
    public void StartInfo_Unsandboxed_DotnetDirectlyWithOnlyTheRunnersEnvironment()
    {
        var plan = Plan(null) with { BubblewrapPath = null, Tools = null };

        var startInfo = SandboxCommand.StartInfo(Layout with { GcHeapLimitBytes = 1024 }, plan, [], null);

        Assert.Equal("/usr/share/dotnet/dotnet", startInfo.FileName);
        Assert.Equal(["/opt/grader/runner/Grader.Runner.dll", "--job", "/tmp/grader-jobs/abc"], startInfo.ArgumentList);
        Assert.Equal("0x400", startInfo.Environment["DOTNET_GCHeapHardLimit"]);
        Assert.Equal(Layout.Environment.Count + 1, startInfo.Environment.Count);
    }

    private static LaunchPlan Plan(SandboxUser? user) =>
        new("/usr/share/dotnet/dotnet", "/usr/bin/bwrap", Tools, user, Limits, null, [], []);
}
