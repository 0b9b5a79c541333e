using Grader.Cli.Client;
using Grader.Contracts.V1;
using Grader.Server.Tests.Hosting;
using Grpc.Core;

namespace Grader.Server.Tests.Crash;

/// <summary>A server killed mid-training loses nothing: after a restart on the same data folder the submission finishes once.</summary>
public sealed class CrashSafetyTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"grader-crash-tests-{Guid.NewGuid():N}");

    [Fact]
    public async Task Serve_KilledWhileTraining_RestartedOnSameDataFinishesTheSubmissionOnceWithXpOnce()
    {
        await ServeProcess.RunAsync("courses", "create", "intro", "--data-dir", _data);
        var key = (await ServeProcess.RunAsync("keys", "create", "--role", "learner", "--course", "intro", "--learner", "survivor", "--data-dir", _data)).Trim();
        var port = ServeProcess.FreePort();
        string name;

        using (var first = await ServeProcess.StartAsync(_data, port))
        {
            using var client = new GraderClient(new Uri($"http://127.0.0.1:{port}"), key);
            name = (await client.SubmitAsync("slow", Calls.Source(TestPaths.Reference))).Submission.Name;
            await WaitForTrainingEpochAsync(client, name);
            first.Kill();
        }

        using var second = await ServeProcess.StartAsync(_data, port);
        using var again = new GraderClient(new Uri($"http://127.0.0.1:{port}"), key);
        var history = await again.WatchAsync(name);

        var final = history[^1].Submission;
        Assert.True(final.State == SubmissionState.Succeeded, $"{final.State}: {final.Result?.Summary}\n{second.Output}");
        var events = history.Skip(1).Select(m => m.Event).ToList();
        Assert.Single(events, e => e.State == SubmissionState.Succeeded);
        Assert.Equal(events.Select(e => e.Sequence).Distinct(), events.Select(e => e.Sequence));
        Assert.True(final.XpAwarded > 0);
        var progress = await again.ProgressAsync();
        Assert.Equal(final.XpAwarded, progress.Xp);
        Assert.Equal(progress.Achievements.Select(a => a.Achievement).Distinct(), progress.Achievements.Select(a => a.Achievement));
        var listed = await again.Submissions.ListSubmissionsAsync(new ListSubmissionsRequest { Parent = "courses/intro/exercises/-" });
        Assert.Single(listed.Submissions);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    /// <summary>Follows the watch until the runner reports a finished epoch: the job is inside TRAINING.</summary>
    private static async Task WaitForTrainingEpochAsync(GraderClient client, string name)
    {
        using var bound = new CancellationTokenSource(Calls.Bound);
        using var call = client.Submissions.WatchSubmission(new WatchSubmissionRequest { Name = name }, cancellationToken: bound.Token);
        await foreach (var message in call.ResponseStream.ReadAllAsync(bound.Token))
        {
            if (message.Event is { State: SubmissionState.Training, Progress.Epochs: > 0 }) return;
            if (message.Event?.State is SubmissionState.Succeeded or SubmissionState.Failed or SubmissionState.Error)
                throw new Xunit.Sdk.XunitException($"the submission finished ({message.Event.State}) before it could be interrupted");
        }
        throw new Xunit.Sdk.XunitException("the watch ended before training started");
    }
}
