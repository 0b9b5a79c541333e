using Grader.Core.Access;
using Grader.Core.Errors;
using Grader.Core.Submissions;
using Grader.Data.Database;
using Grader.Data.Tests.Infrastructure;

namespace Grader.Data.Tests.Progress;

public sealed class ProgressServiceTests
{
    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GetAsync_NewLearner_IsCuriousWith120XpToGo(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        var ada = await platform.LearnerAsync("ada");

        var progress = await platform.Progress.GetAsync(ada, Platform.Course, "", CancellationToken.None);

        Assert.Equal((0, 0, "Curious", 0, 120, 0), (progress.Xp, progress.Level, progress.LevelTitle, progress.XpIntoLevel, progress.XpForNextLevel, progress.Streak));
        Assert.Empty(progress.Achievements);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GetAsync_AfterImprovements_PaysOnlyForRaisingTheBest(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        var ada = await platform.LearnerAsync("ada");

        platform.Engine.Next = job => Results.Fail(job, 60);
        var partial = await platform.SubmitAndGradeAsync(ada, "// 60");
        platform.Engine.Next = job => Results.Fail(job, 40);
        var worse = await platform.SubmitAndGradeAsync(ada, "// 40");
        platform.Engine.Next = job => Results.Pass(job);
        var pass = await platform.SubmitAndGradeAsync(ada, "// 100");
        var resubmitted = await platform.SubmitAsync(ada, "// 100");
        var progress = await platform.Progress.GetAsync(ada, Platform.Course, "ada", CancellationToken.None);

        Assert.Equal((60, 0, 60), (partial.XpAwarded, worse.XpAwarded, pass.XpAwarded));
        Assert.True(resubmitted.Reused);
        Assert.Equal(120, progress.Xp);
        Assert.Equal((1, "Tinkerer", 0, 140), (progress.Level, progress.LevelTitle, progress.XpIntoLevel, progress.XpForNextLevel));
        var grade = Assert.Single(progress.Grades);
        Assert.Equal((100d, true, pass.Id), (grade.BestScore, grade.Passed, grade.BestSubmissionId));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GetAsync_PassAfterThreeFailuresAndACompileError_UnlocksHiddenAchievementsOnce(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        var ada = await platform.LearnerAsync("ada");
        platform.Engine.Next = Results.CompileError;
        await platform.SubmitAndGradeAsync(ada, "// does not compile");
        platform.Engine.Next = job => Results.Fail(job, 20);
        await platform.SubmitAndGradeAsync(ada, "// 20 a");
        await platform.SubmitAndGradeAsync(ada, "// 20 b");
        platform.Engine.Next = job => Results.Pass(job, parameterRatio: 1.02, gap: 0.3);
        var pass = await platform.SubmitAndGradeAsync(ada, "// pass");
        var again = await platform.SubmitAndGradeAsync(ada, "// pass again");
        var progress = await platform.Progress.GetAsync(ada, Platform.Course, "", CancellationToken.None);
        var catalogue = await platform.Progress.CatalogueAsync(ada, CancellationToken.None);

        Assert.Equal(
            ["compiler-whisperer", "flawless", "it-works", "never-give-up", "the-gap", "twin-budgets"],
            pass.UnlockedAchievements.Order(StringComparer.Ordinal));
        Assert.Empty(again.UnlockedAchievements);
        Assert.Equal(progress.Achievements.Select(a => a.Achievement.Id).Distinct().Count(), progress.Achievements.Count);
        var whisperer = Assert.Single(catalogue, a => a.Id == "compiler-whisperer");
        Assert.True(whisperer.Hidden && whisperer.Revealed && whisperer.UnlockedAt is not null);
        var week = Assert.Single(catalogue, a => a.Id == "week-of-models");
        Assert.Equal(("???", false), (week.Title, week.Revealed));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GetAsync_SubmissionsOnThreeDays_CountsTheStreakAndUnlocksOnARoll(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        var ada = await platform.LearnerAsync("ada");
        platform.Engine.Next = job => Results.Fail(job, 10);
        Submission last = null!;
        for (var day = 0; day < 3; day++)
        {
            last = await platform.SubmitAndGradeAsync(ada, $"// day {day}");
            platform.Time.Advance(TimeSpan.FromDays(1));
        }

        var progress = await platform.Progress.GetAsync(ada, Platform.Course, "", CancellationToken.None);

        Assert.Contains("on-a-roll", last.UnlockedAchievements);
        Assert.Equal(3, progress.Streak);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GetAsync_OtherLearnersProgress_IsPermissionDenied(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        var ada = await platform.LearnerAsync("ada");
        await platform.LearnerAsync("bo");

        var error = await Assert.ThrowsAsync<PermissionDeniedException>(() => platform.Progress.GetAsync(ada, Platform.Course, "bo", CancellationToken.None));
        var admin = await platform.Progress.GetAsync(Principal.LocalOperator, Platform.Course, "bo", CancellationToken.None);

        Assert.Equal("OTHER_LEARNER", error.Reason);
        Assert.Equal(0, admin.Xp);
    }
}
