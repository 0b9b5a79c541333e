namespace Grader.Core.Progress;

/// <summary>An achievement as defined in <c>content/progression.yaml</c>.</summary>
/// <param name="Id">Kebab-case id, unique; the unlock key is (course, learner, id).</param>
/// <param name="Title">Display title.</param>
/// <param name="Description">What it takes (shown once unlocked, or always when not hidden).</param>
/// <param name="Hidden">Whether the catalogue hides title and description until the learner unlocks it.</param>
/// <param name="Criterion">When it unlocks.</param>
public sealed record AchievementDefinition(string Id, string Title, string Description, bool Hidden, AchievementCriterion Criterion);
