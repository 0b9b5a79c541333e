using Microsoft.Extensions.Options;

namespace Grader.Sandbox.Running;

/// <summary>Rejects sandbox settings that cannot work, at start-up rather than on the first submission.</summary>
public sealed class SandboxOptionsValidator : IValidateOptions<SandboxOptions>
{
    /// <summary>Below this the runner cannot even load libtorch.</summary>
    internal const long MinimumMemoryBytes = 256L * 1024 * 1024;

    /// <summary>RLIMIT_FSIZE also caps the runtime's W^X double mapping; below this CoreCLR does not start.</summary>
    internal const long MinimumFileSizeBytes = 16L * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, SandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.RunnerPath) || !options.RunnerPath.EndsWith(".dll", StringComparison.Ordinal))
        {
            failures.Add($"Sandbox:RunnerPath must name Grader.Runner.dll, got '{options.RunnerPath}'.");
        }

        if (string.IsNullOrWhiteSpace(options.BubblewrapPath) && !options.AllowUnsandboxed)
        {
            failures.Add("Sandbox:BubblewrapPath is empty; set it (usually /usr/bin/bwrap).");
        }

        if (options.LogCapBytes is < 1024 or > 16 * 1024 * 1024)
        {
            failures.Add($"Sandbox:LogCapBytes must be between 1024 and 16777216, got {options.LogCapBytes}.");
        }

        if (options.OutputLimitBytes < options.LogCapBytes)
        {
            failures.Add($"Sandbox:OutputLimitBytes ({options.OutputLimitBytes}) must be at least Sandbox:LogCapBytes ({options.LogCapBytes}).");
        }

        if (string.IsNullOrWhiteSpace(options.JobRoot) || !Path.IsPathFullyQualified(options.JobRoot))
        {
            failures.Add($"Sandbox:JobRoot must be an absolute path, got '{options.JobRoot}'.");
        }

        if (string.IsNullOrWhiteSpace(options.User) || options.User is "root" or "0")
        {
            failures.Add($"Sandbox:User must name an unprivileged account (scripts/setup.sh creates grader-sandbox), got '{options.User}'.");
        }

        if (!string.IsNullOrEmpty(options.CgroupParent) && (!options.CgroupParent.StartsWith('/') || options.CgroupParent.Split('/').Contains("..")))
        {
            failures.Add($"Sandbox:CgroupParent must be an absolute cgroup path such as /grader, got '{options.CgroupParent}'.");
        }

        if (options.DefaultMemoryLimitBytes < MinimumMemoryBytes)
        {
            failures.Add($"Sandbox:DefaultMemoryLimitBytes must be at least {MinimumMemoryBytes} (the runtime and libtorch alone need about 300 MiB), got {options.DefaultMemoryLimitBytes}.");
        }

        if (options.GcHeapLimitPercent is < 10 or > 95)
        {
            failures.Add($"Sandbox:GcHeapLimitPercent must be between 10 and 95, got {options.GcHeapLimitPercent}.");
        }

        if (options.MaxProcesses is < 32 or > 65536)
        {
            failures.Add($"Sandbox:MaxProcesses must be between 32 and 65536 (the runtime and libtorch start a few dozen threads), got {options.MaxProcesses}.");
        }

        if (options.UserProcessLimit < options.MaxProcesses)
        {
            failures.Add($"Sandbox:UserProcessLimit ({options.UserProcessLimit}) must be at least Sandbox:MaxProcesses ({options.MaxProcesses}).");
        }

        if (options.MaxOpenFiles is < 64 or > 1048576)
        {
            failures.Add($"Sandbox:MaxOpenFiles must be between 64 and 1048576, got {options.MaxOpenFiles}.");
        }

        if (options.MaxFileSizeBytes < MinimumFileSizeBytes)
        {
            failures.Add($"Sandbox:MaxFileSizeBytes must be at least {MinimumFileSizeBytes} (the .NET runtime maps its JIT code through a file of that size), got {options.MaxFileSizeBytes}.");
        }

        if (options.TmpSizeBytes < 1024 * 1024)
        {
            failures.Add($"Sandbox:TmpSizeBytes must be at least 1048576, got {options.TmpSizeBytes}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
