namespace Grader.Core.Progress;

/// <summary>Levels, XP rules and achievements of the content tree.</summary>
/// <param name="Levels">The level curve, level 0 first, strictly increasing XP.</param>
/// <param name="FirstPassBonusPercent">Bonus for the first pass of an exercise, as a percentage of its XP value.</param>
/// <param name="Achievements">Every achievement, in authored order.</param>
public sealed record ProgressionDefinition(
    IReadOnlyList<LevelDefinition> Levels,
    int FirstPassBonusPercent,
    IReadOnlyList<AchievementDefinition> Achievements);
