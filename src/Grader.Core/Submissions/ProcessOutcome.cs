namespace Grader.Core.Submissions;

/// <summary>What <see cref="SubmissionProcessor.ProcessAsync"/> did.</summary>
public enum ProcessOutcome
{
    /// <summary>No submission with that id: nothing to do.</summary>
    NotFound,

    /// <summary>It was already terminal when the job started (a duplicate or late job): left alone.</summary>
    AlreadyFinished,

    /// <summary>It was cancelled before or during grading; grading stopped and nothing was awarded.</summary>
    Cancelled,

    /// <summary>Graded (SUCCEEDED or FAILED) and its awards committed with the result.</summary>
    Graded,

    /// <summary>The platform failed; stored as ERROR, which costs the learner nothing.</summary>
    PlatformError,
}
