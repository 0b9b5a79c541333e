namespace Grader.Core.Progress;

/// <summary>An achievement a learner holds.</summary>
/// <param name="Achievement">Its definition.</param>
/// <param name="UnlockedAt">When it was unlocked (UTC).</param>
/// <param name="SubmissionId">The graded submission that unlocked it.</param>
public sealed record UnlockedAchievement(AchievementDefinition Achievement, DateTimeOffset UnlockedAt, string SubmissionId);
