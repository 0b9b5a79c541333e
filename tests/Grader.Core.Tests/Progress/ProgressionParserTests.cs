using Grader.Core.Progress;

namespace Grader.Core.Tests.Progress;

public sealed class ProgressionParserTests
{
    private static ProgressionDefinition Content() =>
        ProgressionParser.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "content", "progression.yaml")), "progression.yaml");

    [Fact]
    public void Parse_ContentFile_StartsCuriousWith120XpToLevelOneAndGrowingSteps()
    {
        var progression = Content();

        Assert.Equal(("Curious", 0), (progression.Levels[0].Title, progression.Levels[0].TotalXp));
        Assert.Equal(120, progression.Levels[1].TotalXp);
        var steps = progression.Levels.Zip(progression.Levels.Skip(1), (a, b) => b.TotalXp - a.TotalXp).ToList();
        Assert.All(steps.Zip(steps.Skip(1)), pair => Assert.True(pair.Second > pair.First));
        Assert.Equal(20, progression.FirstPassBonusPercent);
    }

    [Fact]
    public void Parse_ContentFile_DefinesAtLeastElevenAchievementsSomeHidden()
    {
        var achievements = Content().Achievements;

        Assert.True(achievements.Count >= 11, $"{achievements.Count} achievements");
        Assert.Contains(achievements, a => a.Hidden);
        Assert.Contains(achievements, a => a.Criterion is MeasurementCriterion { Threshold: 1.05 });
        Assert.Contains(achievements, a => a.Criterion is MeasurementCriterion { Threshold: 0.25 });
        Assert.Contains(achievements, a => a.Criterion is StreakCriterion);
        Assert.Contains(achievements, a => a.Criterion is PersistenceCriterion { Failures: 3 });
    }

    [Fact]
    public void Parse_InvalidFile_ReportsEveryProblemWithItsLine()
    {
        const string yaml = """
            levels:
              - { level: 0, title: Curious, xp: 0 }
              - { level: 1, title: Next, xp: 0 }
            achievements:
              - id: Bad_Id
                title: T
                description: D
                when: { streak_days: 3, first_try: true }
              - id: gap
                title: T
                description: D
                when: { measurement: "cnn.test_accuracy -", comparison: ">=", threshold: 0.2 }
            """;

        var error = Assert.Throws<ProgressionFormatException>(() => ProgressionParser.Parse(yaml));

        Assert.Contains(error.Problems, p => p.StartsWith("levels[1].xp: must be more than", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("achievements[0].id: must be kebab-case", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("achievements[0].when: must name exactly one criterion", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("achievements[1].when.measurement:", StringComparison.Ordinal));
        Assert.All(error.Problems, p => Assert.Contains("(line ", p, StringComparison.Ordinal));
    }
}
