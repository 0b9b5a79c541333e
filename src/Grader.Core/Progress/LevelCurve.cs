namespace Grader.Core.Progress;

/// <summary>Where a total XP sits on the level curve.</summary>
/// <param name="Level">The level reached.</param>
/// <param name="XpIntoLevel">XP beyond the level's threshold.</param>
/// <param name="XpForNextLevel">XP between this level's threshold and the next; 0 at the top level.</param>
public sealed record LevelStanding(LevelDefinition Level, int XpIntoLevel, int XpForNextLevel);

/// <summary>The level curve as a pure function of XP.</summary>
public static class LevelCurve
{
    /// <summary>The highest level whose threshold <paramref name="xp"/> reaches, and progress towards the next.</summary>
    /// <param name="levels">Level 0 first (threshold 0), thresholds strictly increasing.</param>
    /// <param name="xp">Total XP (negative counts as 0).</param>
    public static LevelStanding Locate(IReadOnlyList<LevelDefinition> levels, int xp)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (levels.Count == 0)
        {
            throw new ArgumentException("The level curve is empty.", nameof(levels));
        }

        xp = Math.Max(0, xp);
        var index = 0;
        while (index + 1 < levels.Count && levels[index + 1].TotalXp <= xp)
        {
            index++;
        }

        var level = levels[index];
        var span = index + 1 < levels.Count ? levels[index + 1].TotalXp - level.TotalXp : 0;
        return new LevelStanding(level, xp - level.TotalXp, span);
    }
}
