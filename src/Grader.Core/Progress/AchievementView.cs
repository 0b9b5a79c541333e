namespace Grader.Core.Progress;

/// <summary>One catalogue entry as a given caller may see it.</summary>
/// <param name="Id">The achievement id (shown even when hidden, so clients can key on it).</param>
/// <param name="Title">Title, or "???" while hidden.</param>
/// <param name="Description">Description, or "A hidden achievement." while hidden.</param>
/// <param name="Hidden">Whether the definition is hidden until unlocked.</param>
/// <param name="Revealed">Whether title and description are shown (not hidden, or unlocked by the caller's learner).</param>
/// <param name="UnlockedAt">When the caller's learner unlocked it; null otherwise or for non-learner callers.</param>
public sealed record AchievementView(string Id, string Title, string Description, bool Hidden, bool Revealed, DateTimeOffset? UnlockedAt);
