using Grader.Core.Rubrics;
using Grader.Core.Submissions;

namespace Grader.Data.Tests.Infrastructure;

/// <summary>
/// Stands in for the sandbox (a true boundary: the real one trains models and is exercised by the job tests).
/// Reports the stages the real engine reports and returns the result built by <see cref="Next"/>.
/// </summary>
public sealed class ScriptedEngine : IGradingEngine
{
    /// <summary>Builds the result for a job; by default a perfect pass.</summary>
    public Func<GradingJob, SubmissionResult> Next { get; set; } = job => Results.Pass(job);

    /// <summary>When set, grading waits here (until released or cancelled) after training starts.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Signalled when training has started (for tests that act mid-grading).</summary>
    public TaskCompletionSource TrainingStarted { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Calls { get; private set; }

    public async Task<SubmissionResult> GradeAsync(GradingJob job, IProgress<GradingProgress> progress, CancellationToken cancellationToken)
    {
        Calls++;
        progress.Report(new GradingProgress(GradingStage.TrainingStarted, "training on cpu"));
        progress.Report(new GradingProgress(GradingStage.EpochCompleted, "mlp: epoch 1/1", 1.0, new EpochProgress("mlp", 1, 1, 1.5, 0.4, 0.38)));
        TrainingStarted.TrySetResult();
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        progress.Report(new GradingProgress(GradingStage.Evaluating, "judging"));
        return Next(job);
    }
}

/// <summary>Result shapes for the scripted engine.</summary>
public static class Results
{
    public static SubmissionResult Pass(GradingJob job, double score = 100, double parameterRatio = 1.2, double gap = 0.2) =>
        Graded(job, SubmissionState.Succeeded, "", score, parameterRatio, gap);

    public static SubmissionResult Fail(GradingJob job, double score, string reason = "criteria_failed") =>
        Graded(job, SubmissionState.Failed, reason, score, 1.2, 0.05);

    public static SubmissionResult CompileError(GradingJob job) => new(
        SubmissionState.Failed, "compile_error", "the code did not compile (1 error)", 0, 0, job.Submission.Dataset, "",
        [], new Dictionary<string, double>(), [], [new ResultDiagnostic("error", "CS1002", "; expected", "Solution.cs", 3, 10)], "", 0.2);

    private static SubmissionResult Graded(GradingJob job, SubmissionState state, string reason, double score, double parameterRatio, double gap)
    {
        var measurements = new Dictionary<string, double>
        {
            ["mlp.parameters"] = 100_000,
            ["cnn.parameters"] = 100_000 * parameterRatio,
            ["mlp.test_accuracy"] = 0.4,
            ["cnn.test_accuracy"] = 0.4 + gap,
        };
        return new SubmissionResult(
            state, reason, state == SubmissionState.Succeeded ? "all 5 criteria passed" : "1 of 5 criteria failed: accuracy-gap",
            score, 100, job.Submission.Dataset, "cpu",
            [new CriterionOutcome("accuracy-gap", "The CNN generalises clearly better", gap >= 0.1, gap >= 0.1 ? 40 : 0, 40, gap, ComparisonOperator.GreaterOrEqual, 0.1, "feedback", CriterionVisibility.Visible)],
            measurements,
            [new ResultCurve("cnn.test_accuracy", [0.3, 0.4 + gap])],
            [],
            "log line",
            3.5);
    }
}
