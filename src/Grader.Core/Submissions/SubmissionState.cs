namespace Grader.Core.Submissions;

/// <summary>Where a submission is in its life. Terminal states never change again.</summary>
public enum SubmissionState
{
    /// <summary>Accepted and waiting for a worker.</summary>
    Queued,

    /// <summary>A worker is compiling it (Roslyn + API policy).</summary>
    Compiling,

    /// <summary>The sandboxed runner is building and training the learner's models.</summary>
    Training,

    /// <summary>Training finished; the rubric is judging the measurements.</summary>
    Evaluating,

    /// <summary>Graded: every criterion passed.</summary>
    Succeeded,

    /// <summary>Graded: the learner's code failed a criterion, did not compile, crashed or ran out of time.</summary>
    Failed,

    /// <summary>The platform failed; the learner is not at fault and it does not count against limits.</summary>
    Error,

    /// <summary>Cancelled by a caller before it finished.</summary>
    Cancelled,
}
