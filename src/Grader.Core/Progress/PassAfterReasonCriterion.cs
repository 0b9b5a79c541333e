using Grader.Core.Submissions;

namespace Grader.Core.Progress;

/// <summary><c>pass_after: REASON</c> — the first pass of an exercise after an attempt on it that failed for REASON (e.g. <c>compile_error</c>).</summary>
public sealed record PassAfterReasonCriterion(string Reason) : AchievementCriterion
{
    public override bool IsMet(AchievementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var prior = context.PriorOnExercise.ToList();
        return context.Passed
            && prior.All(a => a.State != SubmissionState.Succeeded)
            && prior.Any(a => a.State == SubmissionState.Failed && string.Equals(a.Reason, Reason, StringComparison.Ordinal));
    }
}
