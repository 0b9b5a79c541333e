namespace Grader.Core.Progress;

/// <summary>Port: reads a learner's XP, unlocks, submission days and grades (written by <c>ISubmissionStore.CompleteAsync</c>).</summary>
public interface IProgressStore
{
    /// <summary>The learner's record; all empty/zero for a learner with no history.</summary>
    Task<LearnerRecord> GetLearnerAsync(string courseId, string learnerId, CancellationToken cancellationToken);
}
