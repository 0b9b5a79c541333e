using Grader.Sandbox.Running;
using Xunit;

namespace Grader.Sandbox.Tests.Running;

/// <summary>Runs <see cref="SandboxProbe"/> once in the real sandbox; the tests then read its report.</summary>
public sealed class SandboxProbeFixture : IAsyncLifetime
{
    /// <summary>Small, so the probe's fill of /tmp ends quickly at the tmpfs's size.</summary>
    public const long TmpSizeBytes = 8L * 1024 * 1024;

    private readonly string jobRoot = Path.Combine(Path.GetTempPath(), "grader-probe-tests-" + Guid.NewGuid().ToString("N"));

    public SandboxOptions Options { get; private set; } = null!;

    public RunnerOutcome Outcome { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Report { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Options = RunnerTestHost.Options(jobRoot);
        Options.TmpSizeBytes = TmpSizeBytes;
        Options.LogCapBytes = 64 * 1024;
        Outcome = await RunnerTestHost.Launcher(Options).RunAsync(RunnerTestHost.Request(SandboxProbe.Assembly(), TimeSpan.FromSeconds(60)), null, CancellationToken.None);
        Report = SandboxProbe.Parse(Outcome);
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(jobRoot))
        {
            Directory.Delete(jobRoot, recursive: true);
        }

        return Task.CompletedTask;
    }
}
