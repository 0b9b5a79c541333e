using Grader.Sandbox.Running;
using Grader.Sandbox.Running.Cgroups;
using Xunit.Abstractions;

namespace Grader.Sandbox.Tests.Running;

/// <summary>Bombs and floods against the real sandbox's cgroup, rlimits and heap limit.</summary>
[Collection(RunnerCollection.Name)]
public sealed class SandboxLimitsTests : IDisposable
{
    private const long Mib = 1024 * 1024;
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    private readonly ITestOutputHelper output;
    private readonly string jobRoot = Path.Combine(Path.GetTempPath(), "grader-limit-tests-" + Guid.NewGuid().ToString("N"));

    public SandboxLimitsTests(ITestOutputHelper output) => this.output = output;

    public void Dispose()
    {
        if (Directory.Exists(jobRoot))
        {
            Directory.Delete(jobRoot, recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_LibtorchMemoryBomb_MemoryLimitWithTheTreeInItsCgroupWhichIsThenRemoved()
    {
        // 2 GiB of ones (touched, so really resident) against a 1 GiB limit: native memory the GC never sees.
        var assembly = LearnerAssemblies.Solution("TorchSharp.torch.ones(1L << 29).Dispose();");
        var hierarchy = CgroupHierarchy.DetectCurrent(out _)!;
        string[] cgroups = [];
        var processesInside = 0;
        var onStarted = new Progress(e =>
        {
            if (e.Started is null)
            {
                return;
            }

            // The runner has started: its job (and so its cgroup) is named after the only job directory.
            var name = Path.GetFileName(Directory.GetDirectories(jobRoot).Single());
            cgroups = [JobCgroupPath(hierarchy.MemoryMount, hierarchy.OwnMemoryPath, name), JobCgroupPath(hierarchy.PidsMount, hierarchy.OwnPidsPath, name)];
            processesInside = cgroups.Min(c => File.ReadAllLines(Path.Combine(c, "cgroup.procs")).Length);
        });

        var outcome = await RunnerTestHost.Launcher(RunnerTestHost.Options(jobRoot))
            .RunAsync(RunnerTestHost.Request(assembly, Generous) with { MemoryLimitBytes = 1024 * Mib }, onStarted, CancellationToken.None);

        Assert.True(outcome.Kind == RunnerOutcomeKind.MemoryLimit, Describe(outcome));
        Assert.Contains("1024 MiB", outcome.Message, StringComparison.Ordinal);
        Assert.InRange(outcome.PeakMemoryBytes!.Value, 900 * Mib, 1024 * Mib);
        Assert.True(processesInside >= 2, $"bubblewrap and the runner should be in both cgroups, found {processesInside}");
        Assert.All(cgroups, c => Assert.False(Directory.Exists(c), $"{c} should be removed after the run"));
        output.WriteLine($"peak {outcome.PeakMemoryBytes / Mib} MiB, {outcome.Elapsed.TotalMilliseconds:0} ms: {outcome.Message}");
    }

    [Fact]
    public async Task RunAsync_ManagedMemoryBomb_OutOfMemoryExceptionBeforeTheKernelKills()
    {
        var assembly = LearnerAssemblies.Solution("""
            var hoard = new System.Collections.Generic.List<byte[]>();
            while (true) { var block = new byte[16 * 1024 * 1024]; Array.Fill(block, (byte)1); hoard.Add(block); }
            """);

        var outcome = await RunAsync(assembly, RunnerTestHost.Options(jobRoot), 1024 * Mib);

        Assert.True(outcome.Kind == RunnerOutcomeKind.LearnerFailed, Describe(outcome));
        Assert.Contains("OutOfMemoryException", outcome.Failed!.Message, StringComparison.Ordinal);
        Assert.True(outcome.PeakMemoryBytes < 1024 * Mib, $"peak {outcome.PeakMemoryBytes}");
    }

    [Fact]
    public async Task RunAsync_ThreadBomb_StoppedAtTheProcessLimit()
    {
        var options = RunnerTestHost.Options(jobRoot);
        options.MaxProcesses = 64;
        var assembly = LearnerAssemblies.Solution("""
            var started = 0;
            try
            {
                while (started < 10000) { new System.Threading.Thread(() => System.Threading.Thread.Sleep(-1)) { IsBackground = true }.Start(); started++; }
            }
            catch (Exception e)
            {
                throw new InvalidOperationException("threads started: " + started + " then " + e.GetType().Name);
            }
            """);

        var outcome = await RunAsync(assembly, options, 1024 * Mib);

        Assert.True(outcome.Kind == RunnerOutcomeKind.LearnerFailed, Describe(outcome));
        var started = int.Parse(outcome.Failed!.Message.Split("threads started: ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(started, 1, 63);
        output.WriteLine(outcome.Failed.Message);
    }

    [Fact]
    public async Task RunAsync_FileOverSizeLimit_KilledBySigxfsz()
    {
        var options = RunnerTestHost.Options(jobRoot);
        options.MaxFileSizeBytes = 16 * Mib;
        options.TmpSizeBytes = 64 * Mib;
        var assembly = LearnerAssemblies.Solution("System.IO.File.WriteAllBytes(\"/tmp/big\", new byte[32 * 1024 * 1024]);");

        var outcome = await RunAsync(assembly, options, 1024 * Mib);

        // The kernel's answer to a write past RLIMIT_FSIZE is SIGXFSZ, which .NET leaves at its default: death.
        Assert.True(outcome.Kind == RunnerOutcomeKind.Crashed, Describe(outcome));
        Assert.Equal(128 + 25, outcome.ExitCode);
        Assert.Contains("SIGXFSZ (file size limit)", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BubblewrapMissingButUnsandboxedAllowed_RunsAndEveryResultSaysSo()
    {
        var options = RunnerTestHost.Options(jobRoot);
        options.BubblewrapPath = "/nonexistent/bwrap";
        options.AllowUnsandboxed = true;

        var outcome = await RunAsync(LearnerAssemblies.Solution(), options, 1024 * Mib);

        Assert.True(outcome.Kind == RunnerOutcomeKind.Completed, Describe(outcome));
        Assert.StartsWith("*** UNSANDBOXED (development mode)", outcome.Logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CgroupUnusable_PlatformErrorUnlessAllowedThenLabelled()
    {
        // A cgroup under a control file cannot be made: the same refusal as a host without writable cgroups.
        var options = RunnerTestHost.Options(jobRoot);
        options.CgroupParent = "/cgroup.procs/grader";

        var refused = await RunAsync(LearnerAssemblies.Solution(), options, 1024 * Mib);
        options.AllowMissingCgroups = true;
        var allowed = await RunAsync(LearnerAssemblies.Solution(), options, 1024 * Mib);

        Assert.Equal(RunnerOutcomeKind.PlatformError, refused.Kind);
        Assert.Contains("Sandbox:AllowMissingCgroups=true", refused.Message, StringComparison.Ordinal);
        Assert.True(allowed.Kind == RunnerOutcomeKind.Completed, Describe(allowed));
        Assert.StartsWith("*** NO MEMORY OR PROCESS LIMITS (development mode)", allowed.Logs, StringComparison.Ordinal);
        Assert.Null(allowed.PeakMemoryBytes);
    }

    [Fact]
    public async Task RunAsync_SandboxUserMissing_PlatformErrorNamingSetup()
    {
        var options = RunnerTestHost.Options(jobRoot);
        options.User = "no-such-grader-user";

        var outcome = await RunAsync(LearnerAssemblies.Solution(), options, 1024 * Mib);

        if (Grader.Sandbox.Running.Isolation.HostCalls.IsRoot)
        {
            Assert.Equal(RunnerOutcomeKind.PlatformError, outcome.Kind);
            Assert.Contains("'no-such-grader-user' does not exist; run scripts/setup.sh", outcome.Message, StringComparison.Ordinal);
        }
        else
        {
            // Already unprivileged: the runner runs as this user and the option does not apply.
            Assert.Equal(RunnerOutcomeKind.Completed, outcome.Kind);
        }
    }

    private static Task<RunnerOutcome> RunAsync(byte[] assembly, SandboxOptions options, long memoryLimit) =>
        RunnerTestHost.Launcher(options).RunAsync(RunnerTestHost.Request(assembly, Generous) with { MemoryLimitBytes = memoryLimit }, null, CancellationToken.None);

    private static string JobCgroupPath(string mount, string own, string name) => Path.Join(mount, own, JobCgroup.DefaultParentName, name);

    /// <summary>Reports on the pipe-reading thread, while the run is still going.</summary>
    private sealed class Progress(Action<Grader.Contracts.Runner.V1.RunnerEvent> report) : IProgress<Grader.Contracts.Runner.V1.RunnerEvent>
    {
        public void Report(Grader.Contracts.Runner.V1.RunnerEvent value) => report(value);
    }

    private static string Describe(RunnerOutcome outcome) =>
        $"{outcome.Kind} (exit {outcome.ExitCode}): {outcome.Message} {outcome.Failed}\n{outcome.Logs}";
}
