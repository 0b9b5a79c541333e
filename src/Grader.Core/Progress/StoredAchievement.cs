namespace Grader.Core.Progress;

/// <summary>An unlock as stored (unique per course, learner and achievement).</summary>
/// <param name="AchievementId">The achievement.</param>
/// <param name="UnlockedAt">When (UTC).</param>
/// <param name="SubmissionId">The submission whose grading unlocked it.</param>
public sealed record StoredAchievement(string AchievementId, DateTimeOffset UnlockedAt, string SubmissionId);
