using Google.Protobuf;
using Google.Rpc;
using Grader.Cli.Client;
using Grader.Contracts.V1;
using Grpc.Core;

namespace Grader.Server.Tests.Hosting;

/// <summary>The calls the tests make again and again, with a generous bound so a hang fails instead of blocking.</summary>
public static class Calls
{
    public static readonly TimeSpan Bound = TimeSpan.FromMinutes(4);

    public static SourceFile Source(string path, string name = "Solution.cs") =>
        new() { Path = name, Content = ByteString.CopyFrom(File.ReadAllBytes(path)) };

    public static SourceFile Source(byte[] content, string name = "Solution.cs") =>
        new() { Path = name, Content = ByteString.CopyFrom(content) };

    /// <summary>The reference solution with a trailing comment: a different source (no reuse), the same models.</summary>
    public static SourceFile Variant(string path, string marker) =>
        Source([.. File.ReadAllBytes(path), .. System.Text.Encoding.UTF8.GetBytes($"\n// {marker}\n")]);

    public static async Task<CreateSubmissionResponse> SubmitAsync(
        this GraderClient client, string exercise, SourceFile source, string? requestId = null, string? learner = null, string course = ServerFixture.Course)
    {
        var submission = new Submission { Sources = { source } };
        if (learner is not null) submission.Learner = $"courses/{course}/learners/{learner}";
        using var bound = new CancellationTokenSource(Bound);
        return await client.Submissions.CreateSubmissionAsync(new CreateSubmissionRequest
        {
            Parent = $"courses/{course}/exercises/{exercise}",
            Submission = submission,
            RequestId = requestId ?? "",
        }, cancellationToken: bound.Token);
    }

    /// <summary>Every message of WatchSubmission until the server closes the stream.</summary>
    public static async Task<List<WatchSubmissionResponse>> WatchAsync(this GraderClient client, string name)
    {
        using var bound = new CancellationTokenSource(Bound);
        using var call = client.Submissions.WatchSubmission(new WatchSubmissionRequest { Name = name }, cancellationToken: bound.Token);
        var messages = new List<WatchSubmissionResponse>();
        await foreach (var message in call.ResponseStream.ReadAllAsync(bound.Token)) messages.Add(message);
        return messages;
    }

    /// <summary>Submits and watches to the end; returns the final submission.</summary>
    public static async Task<Submission> GradeAsync(this GraderClient client, string exercise, SourceFile source, string? requestId = null)
    {
        var created = await client.SubmitAsync(exercise, source, requestId);
        var messages = await client.WatchAsync(created.Submission.Name);
        return messages[^1].Submission;
    }

    public static async Task<LearnerProgress> ProgressAsync(this GraderClient client, string learner = "-", string course = ServerFixture.Course) =>
        (await client.Progress.GetLearnerProgressAsync(new GetLearnerProgressRequest { Name = $"courses/{course}/learners/{learner}/progress" })).Progress;

    /// <summary>Runs <paramref name="call"/>, which must fail; returns the status and its google.rpc details.</summary>
    public static async Task<(RpcException Error, Google.Rpc.Status Details)> FailureAsync(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        var details = error.GetRpcStatus() ?? throw new Xunit.Sdk.XunitException($"{error.StatusCode} carries no google.rpc.Status details: {error.Status.Detail}");
        return (error, details);
    }

    public static ErrorInfo Info(this Google.Rpc.Status status) =>
        status.GetDetail<ErrorInfo>() ?? throw new Xunit.Sdk.XunitException("no ErrorInfo in the status details");
}
