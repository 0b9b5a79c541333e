namespace Grader.Core.Access;

/// <summary>What an API key may do.</summary>
public enum Role
{
    /// <summary>Submits for, and reads, only its own learner in its own course.</summary>
    Learner,

    /// <summary>Reads everything in its course, manages members and submits for its members.</summary>
    Instructor,

    /// <summary>An LMS integration: roster sync and submissions for learners of its course only.</summary>
    Lms,

    /// <summary>Everything in every course, including keys and courses.</summary>
    Admin,
}
