namespace Grader.Core.Progress;

/// <summary><c>submissions: N</c> — at least N graded submissions in the course (this one included).</summary>
public sealed record SubmissionCountCriterion(int Count) : AchievementCriterion
{
    public override bool IsMet(AchievementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.PriorAttempts.Count + 1 >= Count;
    }
}
