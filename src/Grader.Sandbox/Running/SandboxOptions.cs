namespace Grader.Sandbox.Running;

/// <summary>How the host starts Grader.Runner. Bound from the <c>Sandbox</c> configuration section.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>Path to <c>Grader.Runner.dll</c>; its directory is mounted read-only inside the sandbox.</summary>
    public string RunnerPath { get; set; } = string.Empty;

    /// <summary>The <c>dotnet</c> host. Empty: the host running this process, else a well-known install location.</summary>
    public string? DotnetPath { get; set; }

    public string BubblewrapPath { get; set; } = "/usr/bin/bwrap";

    /// <summary>How much of each of stdout and stderr is kept as logs; the rest is dropped and marked.</summary>
    public int LogCapBytes { get; set; } = 64 * 1024;

    /// <summary>Output on one stream beyond this ends the run: a flood is a verdict, not a log.</summary>
    public long OutputLimitBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Where per-run job directories are created (and deleted afterwards).</summary>
    public string JobRoot { get; set; } = Path.Combine(Path.GetTempPath(), "grader-jobs");

    /// <summary>
    /// Runs learner code without bubblewrap when it is missing. For development on hosts without it
    /// only: the learner's code then runs with this process's rights.
    /// </summary>
    public bool AllowUnsandboxed { get; set; }
}
