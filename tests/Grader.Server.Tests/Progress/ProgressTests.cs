using Grader.Contracts.V1;
using Grader.Core.Access;
using Grader.Server.Tests.Hosting;

namespace Grader.Server.Tests.Progress;

/// <summary>Learner progress and the achievements catalogue as the API shows them.</summary>
public sealed class ProgressTests(ApiServerFixture server) : IClassFixture<ApiServerFixture>
{
    [Fact]
    public async Task GetLearnerProgress_NewLearner_IsLevelZeroCuriousWith120XpToGo()
    {
        var (learner, client) = await server.NewLearnerAsync();

        var progress = await client.ProgressAsync();

        Assert.Equal($"courses/intro/learners/{learner}/progress", progress.Name);
        Assert.Equal(0, progress.Xp);
        Assert.Equal(0, progress.Level);
        Assert.Equal("Curious", progress.LevelTitle);
        Assert.Equal(120, progress.XpForNextLevel);
        Assert.Empty(progress.Achievements);
    }

    [Fact]
    public async Task ListAchievements_Learner_SeesAtLeastElevenWithHiddenOnesMasked()
    {
        var (_, client) = await server.NewLearnerAsync();

        var catalogue = await client.Progress.ListAchievementsAsync(new ListAchievementsRequest { Parent = "courses/intro" });

        Assert.True(catalogue.Achievements.Count >= 11, $"{catalogue.Achievements.Count} achievements");
        Assert.Contains(catalogue.Achievements, a => a.Hidden);
        Assert.All(catalogue.Achievements.Where(a => a.Hidden), a => Assert.Equal("???", a.Title));
        Assert.All(catalogue.Achievements, a => Assert.False(a.Unlocked));
    }

    [Fact]
    public async Task ListAchievements_PagesOfFive_CoverTheCatalogueOnce()
    {
        using var client = server.Client(await server.KeyAsync(Role.Instructor));
        var all = (await client.Progress.ListAchievementsAsync(new ListAchievementsRequest { Parent = "courses/intro" })).Achievements.Select(a => a.Name).ToList();

        var paged = new List<string>();
        var token = "";
        do
        {
            var page = await client.Progress.ListAchievementsAsync(new ListAchievementsRequest { Parent = "courses/intro", PageSize = 5, PageToken = token });
            paged.AddRange(page.Achievements.Select(a => a.Name));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(all, paged);
    }
}
