using System.Net;
using System.Net.Sockets;
using Grader.Contracts.Runner.V1;
using Grader.Sandbox.Running;
using Xunit.Abstractions;

namespace Grader.Sandbox.Tests.Running;

/// <summary>The real runner in the real bubblewrap sandbox, driven by learner assemblies compiled here.</summary>
[Collection(RunnerCollection.Name)]
public sealed class RunnerLauncherTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    private readonly ITestOutputHelper output;
    private readonly string jobRoot = Path.Combine(Path.GetTempPath(), "grader-runner-tests-" + Guid.NewGuid().ToString("N"));

    public RunnerLauncherTests(ITestOutputHelper output) => this.output = output;

    public void Dispose()
    {
        if (Directory.Exists(jobRoot))
        {
            Directory.Delete(jobRoot, recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_WorkingSolution_CompletedWithMeasurementsAndProgress()
    {
        var events = new List<RunnerEvent>();
        var progress = new SynchronousProgress(events);

        var outcome = await Launcher().RunAsync(RunnerTestHost.Request(LearnerAssemblies.Solution(), Generous), progress, CancellationToken.None);

        Assert.True(outcome.Kind == RunnerOutcomeKind.Completed, Describe(outcome));
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("cpu", outcome.Device);
        Assert.Equal("synthetic", outcome.Dataset);
        Assert.True(outcome.Completed!.Measurements["mlp.parameters"] > 0, outcome.Completed.ToString());
        Assert.Equal(32, outcome.Completed.TestPredictions["cnn"].Length);
        Assert.NotNull(outcome.TimeToStarted);
        Assert.Equal(RunnerEvent.EventOneofCase.Started, events[0].EventCase);
        Assert.Contains(events, e => e.EpochCompleted is { Model: "cnn" });
        Assert.Equal(RunnerEvent.EventOneofCase.Completed, events[^1].EventCase);
        AssertJobDirectoriesDeleted();
        output.WriteLine($"sandbox start-up (process start to Started event): {outcome.TimeToStarted!.Value.TotalMilliseconds:0} ms; whole run {outcome.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task RunAsync_NoSolutionType_LearnerFailedEntryPointMissing()
    {
        var assembly = LearnerAssemblies.Compile("public static class Nothing { public static int Answer() => 42; }");

        var outcome = await Launcher().RunAsync(RunnerTestHost.Request(assembly, Generous), null, CancellationToken.None);

        Assert.True(outcome.Kind == RunnerOutcomeKind.LearnerFailed, Describe(outcome));
        Assert.Equal("entry_point_missing", outcome.Failed!.Reason);
        Assert.Contains("IMlpVsCnn", outcome.Failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ConstructorThrows_LearnerFailedModelErrorWithoutHostPaths()
    {
        var assembly = LearnerAssemblies.Solution("throw new InvalidOperationException(\"my model is broken\");");

        var outcome = await Launcher().RunAsync(RunnerTestHost.Request(assembly, Generous), null, CancellationToken.None);

        Assert.True(outcome.Kind == RunnerOutcomeKind.LearnerFailed, Describe(outcome));
        Assert.Equal("model_error", outcome.Failed!.Reason);
        Assert.Contains("my model is broken", outcome.Failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(jobRoot, outcome.Failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_InfiniteLoop_TimeLimitWithinWallClock()
    {
        var assembly = LearnerAssemblies.Solution("while (true) { }");

        var outcome = await Launcher().RunAsync(RunnerTestHost.Request(assembly, TimeSpan.FromSeconds(5)), null, CancellationToken.None);

        Assert.True(outcome.Kind == RunnerOutcomeKind.TimeLimit, Describe(outcome));
        Assert.InRange(outcome.Elapsed, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(12));
        AssertJobDirectoriesDeleted();
    }

    [Theory]
    [InlineData("Environment.FailFast(\"giving up\");")]
    [InlineData("Recurse(0);")]
    public async Task RunAsync_ProcessDies_CrashedWithSignal(string constructorBody)
    {
        var outcome = await Launcher().RunAsync(RunnerTestHost.Request(LearnerAssemblies.Solution(constructorBody), Generous), null, CancellationToken.None);

        Assert.True(outcome.Kind == RunnerOutcomeKind.Crashed, Describe(outcome));
        Assert.Equal(134, outcome.ExitCode);
        Assert.Contains("SIGABRT", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_StdoutFloodThenFailure_LogsCappedAndMarkedTruncated()
    {
        var assembly = LearnerAssemblies.Solution("""
            for (var i = 0; i < 20000; i++) { Console.WriteLine("line " + i); }
            throw new InvalidOperationException("after the flood");
            """);

        var outcome = await Launcher().RunAsync(RunnerTestHost.Request(assembly, Generous), null, CancellationToken.None);

        Assert.True(outcome.Kind == RunnerOutcomeKind.LearnerFailed, Describe(outcome));
        Assert.Contains("line 0\n", outcome.Logs, StringComparison.Ordinal);
        Assert.DoesNotContain("line 19999", outcome.Logs, StringComparison.Ordinal);
        Assert.Contains("[truncated]", outcome.Logs, StringComparison.Ordinal);
        Assert.True(outcome.Logs.Length < 3 * 4096, $"logs are {outcome.Logs.Length} chars");
    }

    [Fact]
    public async Task RunAsync_EndlessOutput_OutputLimit()
    {
        var options = RunnerTestHost.Options(jobRoot);
        options.OutputLimitBytes = 1024 * 1024;
        var assembly = LearnerAssemblies.Solution("while (true) { Console.Error.WriteLine(\"spam spam spam spam spam spam spam\"); }");

        var outcome = await RunnerTestHost.Launcher(options).RunAsync(RunnerTestHost.Request(assembly, Generous), null, CancellationToken.None);

        Assert.True(outcome.Kind == RunnerOutcomeKind.OutputLimit, Describe(outcome));
        Assert.EndsWith("[truncated]\n", outcome.Logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_GarbageWrittenToEventPipe_ProtocolViolation()
    {
        // The job directory is mounted read-only, yet a FIFO on it stays writable: exactly how the
        // runner reports. Learner code that gets hold of it can only break the protocol, visibly.
        var assembly = LearnerAssemblies.Solution("""
            using (var pipe = new System.IO.FileStream("/job/events.pipe", System.IO.FileMode.Open, System.IO.FileAccess.Write))
            {
                pipe.Write(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 1, 2, 3 });
            }
            while (true) { }
            """);

        var outcome = await Launcher().RunAsync(RunnerTestHost.Request(assembly, TimeSpan.FromSeconds(30)), null, CancellationToken.None);

        Assert.True(outcome.Kind == RunnerOutcomeKind.ProtocolViolation, Describe(outcome));
        Assert.True(outcome.Elapsed < TimeSpan.FromSeconds(20), "a violation should end the run at once, not at the wall clock");
    }

    [Fact]
    public async Task RunAsync_ConnectToHostLoopback_RefusedInsideSandbox()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var assembly = LearnerAssemblies.Solution($$"""
            using (var client = new System.Net.Sockets.TcpClient()) { client.Connect("127.0.0.1", {{port}}); }
            throw new InvalidOperationException("connected to the host");
            """);

        var outcome = await Launcher().RunAsync(RunnerTestHost.Request(assembly, Generous), null, CancellationToken.None);

        Assert.True(outcome.Kind == RunnerOutcomeKind.LearnerFailed, Describe(outcome));
        Assert.Contains("SocketException", outcome.Failed!.Message, StringComparison.Ordinal);
        Assert.False(listener.Pending());
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText(\"/etc/hostname\");", "DirectoryNotFoundException")]
    [InlineData("System.IO.File.WriteAllText(\"/job/planted.txt\", \"next submission\");", "Read-only file system")]
    public async Task RunAsync_TouchesFileSystem_HostFilesHiddenAndJobReadOnly(string constructorBody, string expected)
    {
        var outcome = await Launcher().RunAsync(RunnerTestHost.Request(LearnerAssemblies.Solution(constructorBody), Generous), null, CancellationToken.None);

        Assert.True(outcome.Kind == RunnerOutcomeKind.LearnerFailed, Describe(outcome));
        Assert.Contains(expected, outcome.Failed!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CallerCancels_ThrowsOperationCanceledAndCleansUp()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var request = RunnerTestHost.Request(LearnerAssemblies.Solution("while (true) { }"), Generous);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Launcher().RunAsync(request, null, cancellation.Token));

        AssertJobDirectoriesDeleted();
    }

    [Fact]
    public async Task RunAsync_RunnerMissing_PlatformError()
    {
        var options = RunnerTestHost.Options(jobRoot);
        options.RunnerPath = Path.Combine(jobRoot, "nowhere", "Grader.Runner.dll");

        var outcome = await RunnerTestHost.Launcher(options).RunAsync(RunnerTestHost.Request(LearnerAssemblies.Solution(), Generous), null, CancellationToken.None);

        Assert.Equal(RunnerOutcomeKind.PlatformError, outcome.Kind);
        Assert.Contains("runner was not found", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BubblewrapMissingAndUnsandboxedNotAllowed_PlatformError()
    {
        var options = RunnerTestHost.Options(jobRoot);
        options.BubblewrapPath = "/nonexistent/bwrap";

        var outcome = await RunnerTestHost.Launcher(options).RunAsync(RunnerTestHost.Request(LearnerAssemblies.Solution(), Generous), null, CancellationToken.None);

        Assert.Equal(RunnerOutcomeKind.PlatformError, outcome.Kind);
        Assert.Contains("bubblewrap not found", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("Sandbox:AllowUnsandboxed=true", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownGrader_PlatformErrorNotBlamedOnLearner()
    {
        var job = RunnerTestHost.TinyJob();
        job.Grader = "no-such-grader";

        var outcome = await Launcher().RunAsync(RunnerTestHost.Request(LearnerAssemblies.Solution(), Generous, job), null, CancellationToken.None);

        Assert.True(outcome.Kind == RunnerOutcomeKind.PlatformError, Describe(outcome));
        Assert.Contains("unknown grader 'no-such-grader'", outcome.Message, StringComparison.Ordinal);
    }

    private RunnerLauncher Launcher() => RunnerTestHost.Launcher(RunnerTestHost.Options(jobRoot));

    private void AssertJobDirectoriesDeleted() =>
        Assert.Empty(Directory.Exists(jobRoot) ? Directory.EnumerateFileSystemEntries(jobRoot) : []);

    private static string Describe(RunnerOutcome outcome) =>
        $"{outcome.Kind} (exit {outcome.ExitCode}): {outcome.Message} {outcome.Failed}\n{outcome.Logs}";

    /// <summary>Records events on the reporting thread (Progress&lt;T&gt; would post them later).</summary>
    private sealed class SynchronousProgress(List<RunnerEvent> events) : IProgress<RunnerEvent>
    {
        public void Report(RunnerEvent value)
        {
            lock (events)
            {
                events.Add(value);
            }
        }
    }
}
