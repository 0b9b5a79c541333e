using System.Text;
using Google.Rpc;
using Grader.Cli.Client;
using Grader.Contracts.V1;
using Grader.Server.Tests.Hosting;
using Grpc.Core;

namespace Grader.Server.Tests.Submissions;

/// <summary>Bad input gets a precise status with details, and nothing is stored.</summary>
public sealed class CreateValidationTests(ApiServerFixture server) : IClassFixture<ApiServerFixture>
{
    [Fact]
    public async Task CreateSubmission_NoSources_IsInvalidArgumentNamingSources()
    {
        var (_, client) = await server.NewLearnerAsync();

        var violations = await ViolationsAsync(client, () => client.Submissions.CreateSubmissionAsync(new CreateSubmissionRequest
        {
            Parent = "courses/intro/exercises/tiny",
            Submission = new Submission(),
        }).ResponseAsync);

        Assert.Equal(["submission.sources"], violations.Select(v => v.Field));
    }

    [Fact]
    public async Task CreateSubmission_EmptyFile_IsInvalidArgumentNamingTheFile()
    {
        var (_, client) = await server.NewLearnerAsync();

        var violations = await ViolationsAsync(client, () => client.SubmitAsync("tiny", Calls.Source([])));

        Assert.Equal(["submission.sources[0].content"], violations.Select(v => v.Field));
    }

    [Fact]
    public async Task CreateSubmission_SourceOverTheCap_IsInvalidArgumentStatingTheCap()
    {
        var (_, client) = await server.NewLearnerAsync();
        var huge = Encoding.UTF8.GetBytes("// " + new string('x', 70_000) + "\n");

        var violations = await ViolationsAsync(client, () => client.SubmitAsync("tiny", Calls.Source(huge)));

        var violation = Assert.Single(violations);
        Assert.Equal("submission.sources", violation.Field);
        Assert.Contains("65536", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSubmission_NonUtf8Bytes_IsInvalidArgumentNamingTheFileContent()
    {
        var (_, client) = await server.NewLearnerAsync();
        byte[] latin1 = [.. Encoding.UTF8.GetBytes("// caf"), 0xE9, .. Encoding.UTF8.GetBytes(" au lait\nclass A {}\n")];

        var violations = await ViolationsAsync(client, () => client.SubmitAsync("tiny", Calls.Source(latin1)));

        var violation = Assert.Single(violations);
        Assert.Equal("submission.sources[0].content", violation.Field);
        Assert.Contains("UTF-8", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSubmission_UnknownExercise_IsNotFoundWithResourceInfo()
    {
        var (_, client) = await server.NewLearnerAsync();

        var (error, details) = await Calls.FailureAsync(() => client.SubmitAsync("no-such-exercise", Calls.Source(TestPaths.Reference)));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("exercise", details.GetDetail<ResourceInfo>()?.ResourceType);
        await AssertNothingStoredAsync(client);
    }

    [Theory]
    [InlineData("courses/Intro!/exercises/tiny", "parent")]
    [InlineData("courses/intro/tiny", "parent")]
    [InlineData("", "parent")]
    public async Task CreateSubmission_MalformedParent_IsInvalidArgumentNamingParent(string parent, string field)
    {
        var (_, client) = await server.NewLearnerAsync();

        var violations = await ViolationsAsync(client, () => client.Submissions.CreateSubmissionAsync(new CreateSubmissionRequest
        {
            Parent = parent,
            Submission = new Submission { Sources = { Calls.Source(TestPaths.Reference) } },
        }).ResponseAsync);

        Assert.Equal([field], violations.Select(v => v.Field));
    }

    [Theory]
    [InlineData("courses/intro/submissions/abc")]
    [InlineData("courses/intro/exercises/tiny/submissions/")]
    [InlineData("courses/intro/exercises/tiny/submissions/a/b")]
    public async Task GetSubmission_MalformedName_IsInvalidArgumentNamingName(string name)
    {
        var (_, client) = await server.NewLearnerAsync();

        var violations = await ViolationsAsync(client, () => client.Submissions.GetSubmissionAsync(new GetSubmissionRequest { Name = name }).ResponseAsync);

        Assert.Equal(["name"], violations.Select(v => v.Field));
    }

    [Fact]
    public async Task GetSubmission_WellFormedButUnknown_IsNotFound()
    {
        var (_, client) = await server.NewLearnerAsync();

        var (error, details) = await Calls.FailureAsync(() => client.Submissions.GetSubmissionAsync(
            new GetSubmissionRequest { Name = "courses/intro/exercises/tiny/submissions/nosuchsubmission" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("submission", details.GetDetail<ResourceInfo>()?.ResourceType);
    }

    /// <summary>Asserts INVALID_ARGUMENT with ErrorInfo and BadRequest, and that the learner still has no submission.</summary>
    private static async Task<IReadOnlyList<BadRequest.Types.FieldViolation>> ViolationsAsync(GraderClient client, Func<Task> call)
    {
        var (error, details) = await Calls.FailureAsync(call);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("grader.v1", details.Info().Domain);
        var bad = details.GetDetail<BadRequest>() ?? throw new Xunit.Sdk.XunitException("no BadRequest in the details");
        Assert.All(bad.FieldViolations, v => Assert.False(string.IsNullOrWhiteSpace(v.Description)));
        await AssertNothingStoredAsync(client);
        return bad.FieldViolations;
    }

    private static async Task AssertNothingStoredAsync(GraderClient client)
    {
        var listed = await client.Submissions.ListSubmissionsAsync(new ListSubmissionsRequest { Parent = "courses/intro/exercises/-" });
        Assert.Empty(listed.Submissions);
    }
}
