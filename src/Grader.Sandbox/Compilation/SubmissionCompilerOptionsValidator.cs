using Microsoft.Extensions.Options;

namespace Grader.Sandbox.Compilation;

/// <summary>Rejects compiler caps that would make the compile step either useless or unbounded.</summary>
public sealed class SubmissionCompilerOptionsValidator : IValidateOptions<SubmissionCompilerOptions>
{
    public const int MaxSourceBytesLimit = 16 * 1024 * 1024;
    public const int MaxFilesLimit = 1024;
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, SubmissionCompilerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxSourceBytes is < 1 or > MaxSourceBytesLimit)
        {
            failures.Add($"{nameof(options.MaxSourceBytes)} must be between 1 and {MaxSourceBytesLimit}; it is {options.MaxSourceBytes}.");
        }

        if (options.MaxFiles is < 1 or > MaxFilesLimit)
        {
            failures.Add($"{nameof(options.MaxFiles)} must be between 1 and {MaxFilesLimit}; it is {options.MaxFiles}.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > MaxTimeout)
        {
            failures.Add($"{nameof(options.Timeout)} must be positive and at most {MaxTimeout}; it is {options.Timeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
