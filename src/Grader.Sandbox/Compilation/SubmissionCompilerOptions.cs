namespace Grader.Sandbox.Compilation;

/// <summary>Caps on what a submission may ask of the compiler. Checked by <see cref="SubmissionCompilerOptionsValidator"/>.</summary>
public sealed class SubmissionCompilerOptions
{
    public const string SectionName = "Sandbox:Compiler";

    /// <summary>Total UTF-8 size of all files of one submission.</summary>
    public int MaxSourceBytes { get; set; } = 64 * 1024;

    /// <summary>Number of files in one submission.</summary>
    public int MaxFiles { get; set; } = 16;

    /// <summary>Wall-clock budget for parsing, binding, the policy check and emitting.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
