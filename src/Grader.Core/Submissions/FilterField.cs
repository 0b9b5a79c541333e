namespace Grader.Core.Submissions;

/// <summary>A field a submission list filter can test.</summary>
public enum FilterField
{
    /// <summary><c>state</c>: a <see cref="SubmissionState"/> name.</summary>
    State,

    /// <summary><c>learner</c>: a learner id.</summary>
    Learner,

    /// <summary><c>exercise</c>: an exercise id.</summary>
    Exercise,

    /// <summary><c>profile</c>: a profile name.</summary>
    Profile,

    /// <summary><c>create_time</c>: an RFC 3339 timestamp.</summary>
    CreateTime,
}
