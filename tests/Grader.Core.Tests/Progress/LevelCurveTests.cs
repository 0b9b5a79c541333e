using Grader.Core.Progress;

namespace Grader.Core.Tests.Progress;

public sealed class LevelCurveTests
{
    private static readonly LevelDefinition[] Levels = [new(0, "Curious", 0), new(1, "Tinkerer", 120), new(2, "Apprentice", 260)];

    [Theory]
    [InlineData(0, 0, 0, 120)]
    [InlineData(119, 0, 119, 120)]
    [InlineData(120, 1, 0, 140)]
    [InlineData(300, 2, 40, 0)]
    public void Locate_Xp_ReturnsLevelAndProgressIntoIt(int xp, int level, int into, int span)
    {
        var standing = LevelCurve.Locate(Levels, xp);

        Assert.Equal((level, into, span), (standing.Level.Level, standing.XpIntoLevel, standing.XpForNextLevel));
    }
}
