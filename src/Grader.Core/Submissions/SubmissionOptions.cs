namespace Grader.Core.Submissions;

/// <summary>The "Submissions" section: caps and defaults of the submission use cases.</summary>
public sealed class SubmissionOptions
{
    public const string SectionName = "Submissions";

    /// <summary>Cap on the total UTF-8 size of a submission's sources (the compiler's own cap is the same by default).</summary>
    public int MaxSourceBytes { get; set; } = 65_536;

    /// <summary>Cap on the number of files in a submission.</summary>
    public int MaxFiles { get; set; } = 16;

    /// <summary>Profile used when a request names none (falls back to the exercise's first profile when it lacks this one).</summary>
    public string DefaultProfile { get; set; } = "quick";

    /// <summary>Seed for data, initialisation and shuffling: one value for everyone, so equal code earns equal results.</summary>
    public ulong Seed { get; set; } = 1;

    /// <summary>How often Watch polls for new events.</summary>
    public TimeSpan WatchPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often a running job checks whether its submission was cancelled.</summary>
    public TimeSpan CancellationPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
