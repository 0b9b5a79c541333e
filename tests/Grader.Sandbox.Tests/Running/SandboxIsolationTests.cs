using Grader.Sandbox.Running;
using Grader.Sandbox.Running.Isolation;

namespace Grader.Sandbox.Tests.Running;

/// <summary>What learner code finds inside the real sandbox, as reported by <see cref="SandboxProbe"/>.</summary>
[Collection(RunnerCollection.Name)]
public sealed class SandboxIsolationTests(SandboxProbeFixture probe) : IClassFixture<SandboxProbeFixture>
{
    private IReadOnlyDictionary<string, string> Report => probe.Report;

    [Fact]
    public void RunAsync_Probe_RunsAsTheUnprivilegedSandboxUserWithoutCapabilities()
    {
        if (HostCalls.IsRoot)
        {
            var user = HostCalls.FindUser(probe.Options.User)!.Value;
            Assert.Equal(user.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture), Report["uid"]);
            Assert.Equal(user.Gid.ToString(System.Globalization.CultureInfo.InvariantCulture), Report["gid"]);
        }

        Assert.NotEqual("0", Report["uid"]);
        Assert.Equal(string.Empty, Report["groups"]);
        Assert.Equal("0000000000000000", Report["capeff"]);
        Assert.Equal("0000000000000000", Report["capbnd"]);
        Assert.Equal("1", Report["nonewprivs"]);
        Assert.Equal("2", Report["seccomp"]);
    }

    [Fact]
    public void RunAsync_Probe_EnvironmentHoldsOnlyTheRunnersVariables()
    {
        Assert.Equal(
            "DOTNET_CLI_TELEMETRY_OPTOUT,DOTNET_EnableDiagnostics,DOTNET_GCHeapHardLimit,DOTNET_NOLOGO,DOTNET_ROOT,DOTNET_gcServer,HOME,PWD,TMPDIR",
            Report["env"]);
        Assert.Equal("sandbox", Report["hostname"]);
    }

    [Theory]
    [InlineData("/etc")]
    [InlineData("/sys")]
    [InlineData("/bin/sh")]
    [InlineData("/usr/bin/sh")]
    [InlineData("/usr/bin")]
    [InlineData("/usr/bin/env")]
    [InlineData("/home")]
    [InlineData("/root")]
    [InlineData("/var")]
    public void RunAsync_Probe_HostPathHidden(string path) => Assert.Equal("False", Report["exists:" + path]);

    [Theory]
    [InlineData("/runner")]
    [InlineData("/job")]
    [InlineData("/usr/share/dotnet")]
    public void RunAsync_Probe_RuntimeRunnerAndJobVisible(string path) => Assert.Equal("True", Report["exists:" + path]);

    [Theory]
    [InlineData("ptrace")]
    [InlineData("unshare")]
    [InlineData("setns")]
    [InlineData("mount")]
    [InlineData("umount2")]
    [InlineData("bpf")]
    [InlineData("keyctl")]
    [InlineData("add_key")]
    [InlineData("io_uring_setup")]
    [InlineData("userfaultfd")]
    [InlineData("perf_event_open")]
    [InlineData("init_module")]
    [InlineData("finit_module")]
    [InlineData("kexec_load")]
    public void RunAsync_DeniedSystemCall_FailsWithEperm(string call) => Assert.Equal("1", Report["call:" + call]);

    [Fact]
    public void RunAsync_Probe_OrdinaryCallsWorkAndClone3FallsBackToClone()
    {
        Assert.Equal("0", Report["call:getpid"]);
        Assert.Equal("38", Report["call:clone3"]); // ENOSYS: glibc then uses clone(), whose flags the filter checks
    }

    [Fact]
    public void RunAsync_Probe_RlimitsSetFromOptions()
    {
        Assert.Equal(probe.Options.MaxFileSizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), Report["limit:Max file size"]);
        Assert.Equal(probe.Options.MaxOpenFiles.ToString(System.Globalization.CultureInfo.InvariantCulture), Report["limit:Max open files"]);
        Assert.Equal("0", Report["limit:Max core file size"]);
        Assert.NotEqual("unlimited", Report["limit:Max cpu time"]);
        if (HostCalls.IsRoot)
        {
            Assert.Equal(probe.Options.UserProcessLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), Report["limit:Max processes"]);
        }
    }

    [Fact]
    public void RunAsync_Probe_TmpIsFreshAndStopsAtItsSize()
    {
        Assert.Equal("0", Report["tmp.entries"]);
        Assert.Contains("No space left on device", Report["tmp.error"], StringComparison.Ordinal);
        Assert.InRange(SandboxProbe.Number(Report, "tmp.written"), SandboxProbeFixture.TmpSizeBytes / 2, SandboxProbeFixture.TmpSizeBytes);
    }

    [Fact]
    public void RunAsync_Probe_ResultNotLabelledAsDevelopmentMode()
    {
        Assert.Equal(RunnerOutcomeKind.LearnerFailed, probe.Outcome.Kind);
        Assert.DoesNotContain("development mode", probe.Outcome.Logs, StringComparison.Ordinal);
        Assert.True(probe.Outcome.PeakMemoryBytes > 0, "the run had a memory cgroup");
    }
}
