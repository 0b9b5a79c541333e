using Microsoft.Extensions.Options;

namespace Grader.Sandbox.Running;

/// <summary>Rejects sandbox settings that cannot work, at start-up rather than on the first submission.</summary>
public sealed class SandboxOptionsValidator : IValidateOptions<SandboxOptions>
{
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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
