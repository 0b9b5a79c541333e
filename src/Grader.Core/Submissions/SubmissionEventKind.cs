namespace Grader.Core.Submissions;

/// <summary>What a stored submission event records.</summary>
public enum SubmissionEventKind
{
    /// <summary>The state changed (to <see cref="SubmissionEvent.State"/>).</summary>
    StateChanged,

    /// <summary>Progress within the current state, e.g. an epoch finished.</summary>
    Progress,
}
