using Google.Protobuf;
using Grader.Contracts.Runner.V1;
using Grader.Contracts.V1;
using Grader.Sandbox.Tests.Hostile;

namespace Grader.Sandbox.Tests.Grading;

/// <summary>
/// What the host makes of a runner that learner code has taken over: forged events and exit codes, sent through the
/// real sandbox and launcher into the real <see cref="Sandbox.Grading.SubmissionGrader"/>.
/// </summary>
public sealed class ForgedRunnerTests
{
    // The tiny profile of the hostile suite judges 64 synthetic test images.
    private static readonly RunnerEvent HonestStart = new() { Started = new Started { Device = "cpu", Dataset = "synthetic", TrainExamples = 128, TestExamples = 64 } };

    [Fact]
    public async Task Grade_RunnerFaultAfterLearnerCodeStarted_IsACrashNotAFreeRetry()
    {
        var result = await GradeWithAsync(70, HonestStart);

        Assert.Equal(GradingState.Failed, result.State);
        Assert.Equal("crashed", result.Reason);
    }

    [Fact]
    public async Task Grade_RunnerFaultBeforeLearnerCodeRan_IsAPlatformError()
    {
        var result = await GradeWithAsync(70);

        Assert.Equal(GradingState.Error, result.State);
        Assert.Equal("platform_error", result.Reason);
    }

    [Fact]
    public async Task Grade_WrongNumberOfPredictions_IsAProtocolViolation()
    {
        var epoch = new RunnerEvent { EpochCompleted = new EpochCompleted { Model = "mlp", Epoch = 1, Epochs = 1, TrainLoss = 1, TrainAccuracy = 0.5, TestPredictions = ByteString.CopyFrom(new byte[3]) } };

        var result = await GradeWithAsync(0, HonestStart, epoch);

        Assert.Equal(GradingState.Failed, result.State);
        Assert.Equal("protocol_violation", result.Reason);
        Assert.Contains("3 test predictions for 64 test images", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_ForgedPerfectResultWithoutEpochs_IsAProtocolViolation()
    {
        var completed = new RunCompleted { Measurements = { ["mlp.test_accuracy"] = 1, ["cnn.test_accuracy"] = 1 } };

        var result = await GradeWithAsync(0, HonestStart, new RunnerEvent { Completed = completed });

        Assert.Equal(GradingState.Failed, result.State);
        Assert.Equal("protocol_violation", result.Reason);
        Assert.Empty(result.Criteria);
    }

    [Fact]
    public async Task Grade_FailureClaimingAPlatformError_IsAProtocolViolation()
    {
        var failed = new RunnerEvent { Failed = new RunFailed { Reason = "platform_error", Message = "not my fault, retry for free" } };

        var result = await GradeWithAsync(0, HonestStart, failed);

        Assert.Equal(GradingState.Failed, result.State);
        Assert.Equal("protocol_violation", result.Reason);
    }

    private static async Task<GradingResult> GradeWithAsync(int exitCode, params RunnerEvent[] events)
    {
        using var runner = ForgedRunner.Write(exitCode, events);
        using var grading = new HostileGrading(runner.Path);
        return await grading.GradeAsync(grading.ReferenceSource);
    }
}
