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
    /// only: the learner's code then runs with this process's rights, and every result says so.
    /// </summary>
    public bool AllowUnsandboxed { get; set; }

    /// <summary>
    /// The unprivileged account the runner runs as when this process is root (scripts/setup.sh creates
    /// it). Ignored when this process is already unprivileged: the runner then runs as this user.
    /// </summary>
    public string User { get; set; } = "grader-sandbox";

    /// <summary>
    /// The cgroup under which each run gets its own (a path in the hierarchy such as <c>/grader</c>).
    /// Empty: <c>grader-sandbox</c> under this process's own cgroup. On cgroup v2 it must be delegated
    /// to this process with the memory and pids controllers.
    /// </summary>
    public string CgroupParent { get; set; } = string.Empty;

    /// <summary>
    /// Runs without a memory and process cap when cgroups cannot be used. For development only: a memory
    /// or thread bomb can then hurt the host, and every result says so.
    /// </summary>
    public bool AllowMissingCgroups { get; set; }

    /// <summary>The memory limit for the whole process tree when a request names none (the exercise's profile normally does).</summary>
    public long DefaultMemoryLimitBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>The .NET GC heap limit as a share of the memory limit; the rest is for libtorch and the runtime.</summary>
    public int GcHeapLimitPercent { get; set; } = 75;

    /// <summary>Processes and threads per run (pids.max): the runtime and libtorch need a few dozen.</summary>
    public int MaxProcesses { get; set; } = 256;

    /// <summary>RLIMIT_NPROC for the sandbox user across all concurrent runs, when there is a dedicated one.</summary>
    public int UserProcessLimit { get; set; } = 4096;

    /// <summary>RLIMIT_NOFILE: open descriptors per process.</summary>
    public int MaxOpenFiles { get; set; } = 1024;

    /// <summary>
    /// RLIMIT_FSIZE: the largest file any process of the run may write. The .NET runtime sizes its
    /// executable-memory mapping (W^X) by this limit too, so it needs room: 16 MiB at the very least.
    /// </summary>
    public long MaxFileSizeBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>The size of the run's private, fresh /tmp (memory-backed, counted in the memory limit).</summary>
    public long TmpSizeBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// System libraries to bind besides the ones the CPU runtime and libtorch need (file names found in
    /// the loader's directories, or absolute paths), e.g. for a GPU build's driver libraries.
    /// </summary>
    public IList<string> AdditionalLibraries { get; } = [];
}
