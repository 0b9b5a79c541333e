using Grader.Contracts.V1;
using Grader.Core.Access;
using Grader.Server.Tests.Hosting;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Server.Tests.Access;

/// <summary>Who may call what: keys, roles, courses and learners, over real gRPC.</summary>
public sealed class AuthorizationTests(ApiServerFixture server) : IClassFixture<ApiServerFixture>
{
    [Fact]
    public async Task Call_WithoutKey_IsUnauthenticatedWithApiKeyMissing()
    {
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new SubmissionService.SubmissionServiceClient(channel);

        var (error, details) = await Calls.FailureAsync(() => client.ListSubmissionsAsync(new ListSubmissionsRequest { Parent = "courses/intro/exercises/-" }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("API_KEY_MISSING", details.Info().Reason);
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("grd_aaaaaaaaaaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")]
    public async Task Call_WithUnknownKey_IsUnauthenticatedWithApiKeyInvalid(string key)
    {
        using var client = server.Client(key);

        var (error, details) = await Calls.FailureAsync(() => client.SubmitAsync("tiny", Calls.Source(TestPaths.Reference)));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("API_KEY_INVALID", details.Info().Reason);
    }

    [Fact]
    public async Task Call_WithRevokedKey_IsUnauthenticated()
    {
        var key = await server.KeyAsync(Role.Learner, ServerFixture.Course, "revoked-learner");
        using var client = server.Client(key);
        await client.ProgressAsync();

        await server.App.Services.GetRequiredService<KeyService>().RevokeAsync(key, CancellationToken.None);
        var (error, details) = await Calls.FailureAsync(() => client.ProgressAsync());

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("API_KEY_INVALID", details.Info().Reason);
    }

    [Fact]
    public async Task CreateSubmission_KeyOfAnotherCourse_IsPermissionDenied()
    {
        using var client = server.Client(await server.KeyAsync(Role.Learner, ServerFixture.OtherCourse, "elsewhere"));

        var (error, details) = await Calls.FailureAsync(() => client.SubmitAsync("tiny", Calls.Source(TestPaths.Reference)));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("WRONG_COURSE", details.Info().Reason);
    }

    [Fact]
    public async Task GetAndWatchSubmission_OfAnotherLearner_ArePermissionDenied()
    {
        var (_, owner) = await server.NewLearnerAsync();
        var (_, intruder) = await server.NewLearnerAsync();
        var created = await owner.SubmitAsync("tiny", Calls.Source(TestPaths.Reference));

        var (get, getDetails) = await Calls.FailureAsync(() => intruder.Submissions.GetSubmissionAsync(new GetSubmissionRequest { Name = created.Submission.Name }).ResponseAsync);
        var (watch, _) = await Calls.FailureAsync(() => intruder.WatchAsync(created.Submission.Name));
        var (cancel, _) = await Calls.FailureAsync(() => intruder.Submissions.CancelSubmissionAsync(new CancelSubmissionRequest { Name = created.Submission.Name }).ResponseAsync);
        var listed = await intruder.Submissions.ListSubmissionsAsync(new ListSubmissionsRequest { Parent = "courses/intro/exercises/-" });

        Assert.Equal(StatusCode.PermissionDenied, get.StatusCode);
        Assert.Equal("OTHER_LEARNER", getDetails.Info().Reason);
        Assert.Equal(StatusCode.PermissionDenied, watch.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, cancel.StatusCode);
        Assert.Empty(listed.Submissions);
    }

    [Fact]
    public async Task CreateSubmission_LmsKeyForMemberOfItsCourse_IsAcceptedAndOwnedByTheLearner()
    {
        var (learner, learnerClient) = await server.NewLearnerAsync();
        using var lms = server.Client(await server.KeyAsync(Role.Lms, ServerFixture.Course));

        var created = await lms.SubmitAsync("tiny", Calls.Source(TestPaths.Reference), learner: learner);

        Assert.Equal($"courses/intro/learners/{learner}", created.Submission.Learner);
        var seen = await learnerClient.Submissions.GetSubmissionAsync(new GetSubmissionRequest { Name = created.Submission.Name });
        Assert.Equal(created.Submission.Name, seen.Submission.Name);
    }

    [Fact]
    public async Task CreateSubmission_LmsKeyForLearnerOutsideItsCourse_IsPermissionDenied()
    {
        await server.KeyAsync(Role.Learner, ServerFixture.OtherCourse, "outsider");
        using var lms = server.Client(await server.KeyAsync(Role.Lms, ServerFixture.Course));
        using var otherLms = server.Client(await server.KeyAsync(Role.Lms, ServerFixture.OtherCourse));

        var (notMember, notMemberDetails) = await Calls.FailureAsync(() => lms.SubmitAsync("tiny", Calls.Source(TestPaths.Reference), learner: "outsider"));
        var (wrongCourse, wrongCourseDetails) = await Calls.FailureAsync(() => otherLms.SubmitAsync("tiny", Calls.Source(TestPaths.Reference), learner: "outsider"));

        Assert.Equal(StatusCode.PermissionDenied, notMember.StatusCode);
        Assert.Equal("LEARNER_NOT_IN_COURSE", notMemberDetails.Info().Reason);
        Assert.Equal(StatusCode.PermissionDenied, wrongCourse.StatusCode);
        Assert.Equal("WRONG_COURSE", wrongCourseDetails.Info().Reason);
    }

    [Fact]
    public async Task GetLearnerProgress_OfAnotherLearner_IsPermissionDenied()
    {
        var (other, _) = await server.NewLearnerAsync();
        var (_, client) = await server.NewLearnerAsync();

        var (error, _) = await Calls.FailureAsync(() => client.ProgressAsync(other));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task HealthCheck_WithoutKey_IsServing()
    {
        using var channel = GrpcChannel.ForAddress(server.Address);

        var response = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }
}
