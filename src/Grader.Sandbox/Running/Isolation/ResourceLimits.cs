namespace Grader.Sandbox.Running.Isolation;

/// <summary>rlimits set (soft and hard) on the launch wrapper before bubblewrap, inherited by everything inside.</summary>
/// <param name="FileSizeBytes">RLIMIT_FSIZE: the largest file any process may write.</param>
/// <param name="OpenFiles">RLIMIT_NOFILE: open descriptors per process.</param>
/// <param name="CpuSeconds">RLIMIT_CPU: CPU seconds per process (SIGXCPU, then SIGKILL two seconds later).</param>
/// <param name="UserProcesses">RLIMIT_NPROC for the sandbox user (all its runs together), when there is a dedicated one.</param>
internal sealed record ResourceLimits(long FileSizeBytes, int OpenFiles, int CpuSeconds, int? UserProcesses);
