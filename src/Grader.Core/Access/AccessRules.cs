using Grader.Core.Errors;
using Grader.Core.Submissions;

namespace Grader.Core.Access;

/// <summary>The access rules the use cases share.</summary>
internal static class AccessRules
{
    public static void CheckCourse(Principal actor, string courseId)
    {
        if (!actor.CanAccessCourse(courseId))
        {
            throw new PermissionDeniedException("WRONG_COURSE", $"This key is bound to course '{actor.CourseId}', not '{courseId}'.");
        }
    }

    public static void CheckRead(Principal actor, Submission submission)
    {
        CheckCourse(actor, submission.CourseId);
        CheckLearner(actor, submission.LearnerId);
    }

    public static void CheckLearner(Principal actor, string learnerId)
    {
        if (actor.Role == Role.Learner && !string.Equals(actor.LearnerId, learnerId, StringComparison.Ordinal))
        {
            throw new PermissionDeniedException("OTHER_LEARNER", "A learner key sees only its own learner's data.");
        }
    }

    public static void CheckRole(Principal actor, string what, params Role[] roles)
    {
        if (!roles.Contains(actor.Role))
        {
            throw new PermissionDeniedException("ROLE", $"A {actor.Role.ToString().ToLowerInvariant()} key may not {what}.");
        }
    }
}
