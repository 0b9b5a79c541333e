using Grader.Core.Submissions;

namespace Grader.Core.Progress;

/// <summary><c>pass_after_failures: N</c> — the first pass of an exercise after at least N failed attempts on it.</summary>
public sealed record PersistenceCriterion(int Failures) : AchievementCriterion
{
    public override bool IsMet(AchievementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var prior = context.PriorOnExercise.ToList();
        return context.Passed
            && prior.All(a => a.State != SubmissionState.Succeeded)
            && prior.Count(a => a.State == SubmissionState.Failed) >= Failures;
    }
}
