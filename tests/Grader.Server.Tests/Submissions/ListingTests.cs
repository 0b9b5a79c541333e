using Google.Rpc;
using Grader.Contracts.V1;
using Grader.Server.Tests.Hosting;
using Grpc.Core;

namespace Grader.Server.Tests.Submissions;

/// <summary>Idempotent create, pagination, filters and limits; on an API-only server, so nothing is graded.</summary>
public sealed class ListingTests(ApiServerFixture server) : IClassFixture<ApiServerFixture>
{
    [Fact]
    public async Task CreateSubmission_SameRequestIdTwice_CreatesOneSubmission()
    {
        var (_, client) = await server.NewLearnerAsync();
        var requestId = Guid.NewGuid().ToString();

        var first = await client.SubmitAsync("tiny", Calls.Source(TestPaths.Reference), requestId);
        var second = await client.SubmitAsync("tiny", Calls.Source(TestPaths.Reference), requestId);

        Assert.False(first.Reused);
        Assert.True(second.Reused);
        Assert.Equal(first.Submission.Name, second.Submission.Name);
        var listed = await client.Submissions.ListSubmissionsAsync(new ListSubmissionsRequest { Parent = "courses/intro/exercises/-" });
        Assert.Single(listed.Submissions);
    }

    [Fact]
    public async Task CreateSubmission_SameRequestIdWithOtherSources_IsInvalidArgumentNamingRequestId()
    {
        var (_, client) = await server.NewLearnerAsync();
        var requestId = Guid.NewGuid().ToString();
        await client.SubmitAsync("tiny", Calls.Source(TestPaths.Reference), requestId);

        var (error, details) = await Calls.FailureAsync(() => client.SubmitAsync("tiny", Calls.Variant(TestPaths.Reference, "changed"), requestId));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["request_id"], details.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task ListSubmissions_PagesOfTwo_ReturnEverySubmissionOnceNewestFirst()
    {
        var (_, client) = await server.NewLearnerAsync();
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
            created.Add((await client.SubmitAsync("tiny", Calls.Variant(TestPaths.Reference, $"variant {i}"))).Submission.Name);

        var pages = new List<ListSubmissionsResponse>();
        var token = "";
        do
        {
            var page = await client.Submissions.ListSubmissionsAsync(new ListSubmissionsRequest { Parent = "courses/intro/exercises/tiny", PageSize = 2, PageToken = token });
            pages.Add(page);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Submissions.Count));
        Assert.Equal(Enumerable.Reverse(created), pages.SelectMany(p => p.Submissions).Select(s => s.Name));
    }

    [Fact]
    public async Task ListSubmissions_FilterAndWildcardParent_SelectTheMatchingSubmissions()
    {
        var (learner, client) = await server.NewLearnerAsync();
        await client.SubmitAsync("tiny", Calls.Variant(TestPaths.Reference, "one"));
        await client.SubmitAsync("tiny", Calls.Variant(TestPaths.Reference, "two"));
        await client.SubmitAsync("slow", Calls.Source(TestPaths.Reference));

        async Task<int> CountAsync(string parent, string filter) =>
            (await client.Submissions.ListSubmissionsAsync(new ListSubmissionsRequest { Parent = parent, Filter = filter })).Submissions.Count;

        Assert.Equal(3, await CountAsync("courses/intro/exercises/-", ""));
        Assert.Equal(2, await CountAsync("courses/intro/exercises/tiny", ""));
        Assert.Equal(1, await CountAsync("courses/intro/exercises/-", "exercise = slow"));
        Assert.Equal(3, await CountAsync("courses/intro/exercises/-", $"state = QUEUED AND learner = \"{learner}\""));
        Assert.Equal(0, await CountAsync("courses/intro/exercises/-", "state = SUCCEEDED"));
    }

    [Fact]
    public async Task ListSubmissions_PageTokenFromAnotherQuery_IsInvalidArgumentNamingPageToken()
    {
        var (_, client) = await server.NewLearnerAsync();
        for (var i = 0; i < 3; i++) await client.SubmitAsync("tiny", Calls.Variant(TestPaths.Reference, $"token {i}"));
        var first = await client.Submissions.ListSubmissionsAsync(new ListSubmissionsRequest { Parent = "courses/intro/exercises/tiny", PageSize = 1 });

        var (error, details) = await Calls.FailureAsync(() => client.Submissions.ListSubmissionsAsync(new ListSubmissionsRequest
        {
            Parent = "courses/intro/exercises/tiny",
            PageSize = 1,
            PageToken = first.NextPageToken,
            Filter = "state = QUEUED",
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["page_token"], details.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task ListSubmissions_MalformedFilter_IsInvalidArgumentNamingFilter()
    {
        var (_, client) = await server.NewLearnerAsync();

        var (error, details) = await Calls.FailureAsync(() => client.Submissions.ListSubmissionsAsync(
            new ListSubmissionsRequest { Parent = "courses/intro/exercises/-", Filter = "state = BOGUS" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["filter"], details.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task CreateSubmission_OverTheExerciseLimit_IsResourceExhaustedWithQuotaFailureAndRetryInfo()
    {
        var (_, client) = await server.NewLearnerAsync();
        await client.SubmitAsync("limited", Calls.Source(TestPaths.Reference));

        var (error, details) = await Calls.FailureAsync(() => client.SubmitAsync("limited", Calls.Variant(TestPaths.Reference, "again")));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal("SUBMISSION_LIMIT", details.Info().Reason);
        Assert.NotEmpty(details.GetDetail<QuotaFailure>()!.Violations);
        var retry = details.GetDetail<RetryInfo>()!.RetryDelay.ToTimeSpan();
        Assert.InRange(retry, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
        var listed = await client.Submissions.ListSubmissionsAsync(new ListSubmissionsRequest { Parent = "courses/intro/exercises/limited" });
        Assert.Single(listed.Submissions);
    }

    [Fact]
    public async Task CancelSubmission_QueuedThenAgain_CancelsOnceThenIsFailedPrecondition()
    {
        var (_, client) = await server.NewLearnerAsync();
        var created = await client.SubmitAsync("tiny", Calls.Source(TestPaths.Reference));

        var cancelled = await client.Submissions.CancelSubmissionAsync(new CancelSubmissionRequest { Name = created.Submission.Name });
        var (again, details) = await Calls.FailureAsync(() => client.Submissions.CancelSubmissionAsync(new CancelSubmissionRequest { Name = created.Submission.Name }).ResponseAsync);
        var watched = await client.WatchAsync(created.Submission.Name);

        Assert.Equal(SubmissionState.Cancelled, cancelled.Submission.State);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Equal("SUBMISSION_FINISHED", details.Info().Reason);
        Assert.Equal([SubmissionState.Queued, SubmissionState.Cancelled], watched.Skip(1).Select(m => m.Event.State));
    }
}
