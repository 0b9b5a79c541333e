using Grader.Core.Submissions;

namespace Grader.Core.Progress;

/// <summary><c>passes: N</c> — this result passes and at least N distinct exercises are now passed.</summary>
public sealed record PassCountCriterion(int Count) : AchievementCriterion
{
    public override bool IsMet(AchievementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Passed)
        {
            return false;
        }

        var passed = context.PriorAttempts
            .Where(a => a.State == SubmissionState.Succeeded)
            .Select(a => a.ExerciseId)
            .Append(context.Submission.ExerciseId)
            .Distinct(StringComparer.Ordinal)
            .Count();
        return passed >= Count;
    }
}
