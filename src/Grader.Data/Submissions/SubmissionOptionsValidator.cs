using Grader.Core.Submissions;
using Microsoft.Extensions.Options;

namespace Grader.Data.Submissions;

/// <summary>Checks the "Submissions" section at start-up.</summary>
internal sealed class SubmissionOptionsValidator : IValidateOptions<SubmissionOptions>
{
    public ValidateOptionsResult Validate(string? name, SubmissionOptions options)
    {
        var failures = new List<string>();
        if (options.MaxSourceBytes is < 1 or > 16 * 1024 * 1024)
        {
            failures.Add($"Submissions:MaxSourceBytes must be between 1 and 16 MiB; got {options.MaxSourceBytes}.");
        }

        if (options.MaxFiles is < 1 or > 256)
        {
            failures.Add($"Submissions:MaxFiles must be between 1 and 256; got {options.MaxFiles}.");
        }

        if (string.IsNullOrWhiteSpace(options.DefaultProfile))
        {
            failures.Add("Submissions:DefaultProfile must name a profile, e.g. quick.");
        }

        if (options.WatchPollInterval < TimeSpan.FromMilliseconds(10) || options.WatchPollInterval > TimeSpan.FromMinutes(1))
        {
            failures.Add($"Submissions:WatchPollInterval must be between 10 ms and 1 minute; got {options.WatchPollInterval}.");
        }

        if (options.CancellationPollInterval < TimeSpan.FromMilliseconds(10) || options.CancellationPollInterval > TimeSpan.FromMinutes(1))
        {
            failures.Add($"Submissions:CancellationPollInterval must be between 10 ms and 1 minute; got {options.CancellationPollInterval}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
