using Grader.Core.Access;
using Grader.Core.Errors;
using Grader.Core.Submissions;
using Grader.Data.Database;
using Grader.Data.Tests.Infrastructure;

namespace Grader.Data.Tests.Submissions;

public sealed class SubmissionServiceTests
{
    private const string Code = "public sealed class Solution { }";

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_NewSources_StoresQueuedSubmissionWithEventAndEnqueues(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        var ada = await platform.LearnerAsync("ada");

        var created = await platform.SubmitAsync(ada, Code);
        var stored = await platform.Submissions.GetAsync(ada, created.Submission.Id, CancellationToken.None);
        var events = await platform.Submissions.EventsAfterAsync(ada, stored.Id, 0, CancellationToken.None);

        Assert.False(created.Reused);
        Assert.Equal(SubmissionState.Queued, stored.State);
        Assert.Equal(platform.Time.GetUtcNow(), stored.CreatedAt);
        Assert.Equal(("quick", "synthetic", 1), (stored.Profile, stored.Dataset, stored.ExerciseVersion));
        Assert.Equal(SubmissionState.Queued, Assert.Single(events).State);
        Assert.Equal([stored.Id], platform.Queue.Enqueued);
        Assert.Equal(Code, Assert.Single(await platform.Submissions.GetSourcesAsync(ada, stored.Id, CancellationToken.None)).Text);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_SameRequestIdTwice_CreatesOneSubmission(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        var ada = await platform.LearnerAsync("ada");

        var first = await platform.SubmitAsync(ada, Code, requestId: "7f1c2a9e-0b1d-4f7e-9a51-2d4c8e3b6a10");
        var second = await platform.SubmitAsync(ada, Code, requestId: "7f1c2a9e-0b1d-4f7e-9a51-2d4c8e3b6a10");
        var page = await platform.Submissions.ListAsync(ada, new SubmissionQuery(Platform.Course), CancellationToken.None);

        Assert.True(second.Reused);
        Assert.Equal(first.Submission.Id, second.Submission.Id);
        Assert.Single(page.Submissions);
        Assert.Single(platform.Queue.Enqueued);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_RequestIdReusedForOtherSources_ThrowsInvalidArgument(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        var ada = await platform.LearnerAsync("ada");
        await platform.SubmitAsync(ada, Code, requestId: "r-1");
        platform.Time.Advance(TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAsync<InvalidArgumentException>(() => platform.SubmitAsync(ada, Code + "// changed", requestId: "r-1"));

        Assert.Equal("request_id", Assert.Single(error.Violations).Field);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_IdenticalSourcesWithoutRequestId_ReturnsExistingSubmission(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        var ada = await platform.LearnerAsync("ada");
        var first = await platform.SubmitAsync(ada, Code);

        var again = await platform.SubmitAsync(ada, Code);

        Assert.True(again.Reused);
        Assert.Equal(first.Submission.Id, again.Submission.Id);
        Assert.Single(platform.Queue.Enqueued);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_WithinCooldown_ThrowsQuotaExceededWithRetryAfter(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        var ada = await platform.LearnerAsync("ada");
        await platform.SubmitAsync(ada, Code);
        platform.Time.Advance(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<QuotaExceededException>(() => platform.SubmitAsync(ada, Code + "// 2"));

        Assert.Equal(TimeSpan.FromSeconds(20), error.RetryAfter);
        Assert.Equal("SUBMISSION_LIMIT", error.Reason);
        Assert.Contains("courses/vision-101/learners/ada/exercises/mlp-vs-cnn", error.Subject, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_TenInTheWindow_RefusesTheEleventhUntilTheFirstSlidesOut(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        var ada = await platform.LearnerAsync("ada");
        for (var i = 0; i < 10; i++)
        {
            await platform.SubmitAsync(ada, $"{Code} // {i}");
            platform.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var error = await Assert.ThrowsAsync<QuotaExceededException>(() => platform.SubmitAsync(ada, Code + "// 11"));
        platform.Time.Advance(error.RetryAfter);
        var accepted = await platform.SubmitAsync(ada, Code + "// 11");

        Assert.Equal(TimeSpan.FromMinutes(50), error.RetryAfter);
        Assert.False(accepted.Reused);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_AfterPlatformError_DoesNotCountAgainstLimits(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        var ada = await platform.LearnerAsync("ada");
        platform.Queue.Fail = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => platform.SubmitAsync(ada, Code));
        platform.Queue.Fail = false;

        var retried = await platform.SubmitAsync(ada, Code);
        var page = await platform.Submissions.ListAsync(ada, new SubmissionQuery(Platform.Course, Filter: "state = ERROR"), CancellationToken.None);

        Assert.False(retried.Reused);
        Assert.Single(page.Submissions);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_BadInput_ListsEveryViolationAndStoresNothing(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        var ada = await platform.LearnerAsync("ada");
        SubmissionSource[] sources =
        [
            new("../evil.cs", Code),
            new("Empty.cs", "   "),
            new("Broken.cs", "class A { } \uFFFD"),
            new("Huge.cs", new string('x', 70_000)),
        ];

        var error = await Assert.ThrowsAsync<InvalidArgumentException>(() => platform.Submissions.CreateAsync(
            ada, Platform.Course, "mlp-vs-cnn", "ada", sources, "bad request id!", null, CancellationToken.None));
        var page = await platform.Submissions.ListAsync(ada, new SubmissionQuery(Platform.Course), CancellationToken.None);

        Assert.Equal(
            ["request_id", "submission.sources[0].path", "submission.sources[1].content", "submission.sources[2].content", "submission.sources"],
            error.Violations.Select(v => v.Field));
        Assert.Empty(page.Submissions);
        Assert.Empty(platform.Queue.Enqueued);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_UnknownExerciseOrProfile_ThrowsPreciseErrors(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        var ada = await platform.LearnerAsync("ada");
        SubmissionSource[] sources = [new("Solution.cs", Code)];

        var exercise = await Assert.ThrowsAsync<NotFoundException>(() => platform.Submissions.CreateAsync(ada, Platform.Course, "no-such-exercise", "ada", sources, null, null, CancellationToken.None));
        var profile = await Assert.ThrowsAsync<InvalidArgumentException>(() => platform.Submissions.CreateAsync(ada, Platform.Course, "mlp-vs-cnn", "ada", sources, null, "turbo", CancellationToken.None));

        Assert.Equal("EXERCISE_NOT_FOUND", exercise.Reason);
        Assert.Equal("profile", Assert.Single(profile.Violations).Field);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AccessRules_OtherLearnerCourseOrNonMember_ArePermissionDenied(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        await platform.CourseService.CreateCourseAsync(Principal.LocalOperator, "other", "Other", CancellationToken.None);
        var ada = await platform.LearnerAsync("ada");
        var bo = await platform.LearnerAsync("bo");
        var lmsKey = await platform.KeyService.CreateAsync(Role.Lms, "other", null, "lms", CancellationToken.None);
        var lms = (await platform.KeyService.AuthenticateAsync(lmsKey.Plaintext, CancellationToken.None))!;
        var adas = await platform.SubmitAsync(ada, Code);

        var otherLearner = await Assert.ThrowsAsync<PermissionDeniedException>(() => platform.Submissions.GetAsync(bo, adas.Submission.Id, CancellationToken.None));
        var submitAsOther = await Assert.ThrowsAsync<PermissionDeniedException>(() => platform.SubmitAsync(bo, Code, learner: "ada"));
        var wrongCourse = await Assert.ThrowsAsync<PermissionDeniedException>(() => platform.Submissions.GetAsync(lms, adas.Submission.Id, CancellationToken.None));
        await platform.CourseService.AddMemberAsync(lms, "other", "cy", "Cy", CancellationToken.None);
        var nonMember = await Assert.ThrowsAsync<PermissionDeniedException>(() => platform.Submissions.CreateAsync(
            lms, "other", "mlp-vs-cnn", "dee", [new SubmissionSource("Solution.cs", Code)], null, null, CancellationToken.None));
        var forMember = await platform.Submissions.CreateAsync(lms, "other", "mlp-vs-cnn", "cy", [new SubmissionSource("Solution.cs", Code)], null, null, CancellationToken.None);

        Assert.Equal(("OTHER_LEARNER", "OTHER_LEARNER", "WRONG_COURSE", "LEARNER_NOT_IN_COURSE"), (otherLearner.Reason, submitAsOther.Reason, wrongCourse.Reason, nonMember.Reason));
        Assert.Equal("cy", forMember.Submission.LearnerId);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListAsync_PagesOfTwo_ReturnEverySubmissionOnceNewestFirst(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        var admin = Principal.LocalOperator;
        var ids = new List<string>();
        foreach (var learner in new[] { "ada", "bo" })
        {
            var principal = await platform.LearnerAsync(learner);
            for (var i = 0; i < 3; i++)
            {
                platform.Time.Advance(TimeSpan.FromMinutes(1));
                ids.Add((await platform.SubmitAsync(principal, $"{Code} // {i}")).Submission.Id);
            }
        }

        var seen = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await platform.Submissions.ListAsync(admin, new SubmissionQuery(Platform.Course, PageSize: 2, PageToken: token), CancellationToken.None);
            seen.AddRange(page.Submissions.Select(s => s.Id));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);
        var bosOnly = await platform.Submissions.ListAsync(admin, new SubmissionQuery(Platform.Course, Filter: "learner = \"bo\" AND state = QUEUED"), CancellationToken.None);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(ids), seen);
        Assert.Equal(ids.Skip(3).Reverse(), bosOnly.Submissions.Select(s => s.Id));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListAsync_TokenFromAnotherQuery_ThrowsInvalidArgumentOnPageToken(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        var ada = await platform.LearnerAsync("ada");
        for (var i = 0; i < 3; i++)
        {
            platform.Time.Advance(TimeSpan.FromMinutes(1));
            await platform.SubmitAsync(ada, $"{Code} // {i}");
        }

        var first = await platform.Submissions.ListAsync(ada, new SubmissionQuery(Platform.Course, PageSize: 1), CancellationToken.None);
        var error = await Assert.ThrowsAsync<InvalidArgumentException>(() => platform.Submissions.ListAsync(
            ada, new SubmissionQuery(Platform.Course, Filter: "state = QUEUED", PageSize: 1, PageToken: first.NextPageToken), CancellationToken.None));
        var garbage = await Assert.ThrowsAsync<InvalidArgumentException>(() => platform.Submissions.ListAsync(
            ada, new SubmissionQuery(Platform.Course, PageToken: "not-a-token"), CancellationToken.None));

        Assert.Equal("page_token", Assert.Single(error.Violations).Field);
        Assert.Equal("page_token", Assert.Single(garbage.Violations).Field);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CancelAsync_QueuedThenAgain_CancelsOnceThenFailedPrecondition(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        var ada = await platform.LearnerAsync("ada");
        var created = await platform.SubmitAsync(ada, Code);

        var cancelled = await platform.Submissions.CancelAsync(ada, created.Submission.Id, CancellationToken.None);
        var again = await Assert.ThrowsAsync<FailedPreconditionException>(() => platform.Submissions.CancelAsync(ada, created.Submission.Id, CancellationToken.None));
        var processed = await platform.Processor.ProcessAsync(created.Submission.Id, CancellationToken.None);

        Assert.Equal(SubmissionState.Cancelled, cancelled.State);
        Assert.NotNull(cancelled.FinishedAt);
        Assert.Equal("SUBMISSION_FINISHED", again.Reason);
        Assert.Equal(ProcessOutcome.Cancelled, processed.Outcome);
        Assert.Equal(0, platform.Engine.Calls);
    }
}
