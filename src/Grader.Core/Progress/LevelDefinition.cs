namespace Grader.Core.Progress;

/// <summary>One step of the level curve.</summary>
/// <param name="Level">0, 1, 2, … in order.</param>
/// <param name="Title">What a learner at this level is called, e.g. "Curious".</param>
/// <param name="TotalXp">Total XP at which the level is reached (0 for level 0).</param>
public sealed record LevelDefinition(int Level, string Title, int TotalXp);
