using Grader.Contracts.Runner.V1;
using GradingResult = Grader.Contracts.V1.GradingResult;
using GradingState = Grader.Contracts.V1.GradingState;
using Grader.Core.Rubrics;
using Grader.Core.Submissions;
using Grader.Data;
using SourceFile = Grader.Sandbox.Compilation.SourceFile;
using Grader.Sandbox.Grading;
using Microsoft.Extensions.Options;

namespace Grader.Server.Jobs;

/// <summary>
/// <see cref="IGradingEngine"/> over <see cref="SubmissionGrader"/>: compile in this process, train in the sandbox,
/// judge with the rubric; runner events become grading stages and the proto result becomes the domain result.
/// </summary>
internal sealed class SandboxGradingEngine(SubmissionGrader grader, IOptions<DataOptions> data) : IGradingEngine
{
    private const string SyntheticDataset = "synthetic";

    public async Task<SubmissionResult> GradeAsync(GradingJob job, IProgress<GradingProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(progress);
        var submission = job.Submission;
        var request = new GradeRequest(
            job.Exercise,
            submission.Profile,
            submission.Dataset,
            [.. job.Sources.Select(s => new SourceFile(s.Path, s.Text))],
            submission.Seed,
            submission.Dataset == SyntheticDataset ? null : data.Value.DatasetDirectory(submission.Dataset));
        var result = await grader.GradeAsync(request, new RunnerProgress(progress), cancellationToken).ConfigureAwait(false);
        return ToDomain(result, job.Exercise);
    }

    /// <summary>Visibility is the exercise's, not the result's: the API hides hidden criteria from learners by it.</summary>
    private static SubmissionResult ToDomain(GradingResult result, Grader.Core.Exercises.ExerciseDefinition exercise) => new(
        result.State switch
        {
            GradingState.Succeeded => SubmissionState.Succeeded,
            GradingState.Failed => SubmissionState.Failed,
            _ => SubmissionState.Error,
        },
        result.Reason,
        result.Summary,
        result.Score,
        result.MaxScore,
        result.Dataset,
        result.Device,
        [.. result.Criteria.Select(c => new CriterionOutcome(
            c.Id, c.Title, c.Passed, (int)Math.Round(c.Points), (int)Math.Round(c.MaxPoints), c.Measured,
            ComparisonOperatorExtensions.Symbols.TryGetValue(c.Comparison, out var comparison) ? comparison : ComparisonOperator.Equal,
            c.Threshold, c.Feedback, VisibilityOf(exercise, c.Id)))],
        result.Measurements.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal),
        [.. result.Curves.Select(c => new ResultCurve(c.Name, [.. c.Values]))],
        [.. result.Diagnostics.Select(d => new ResultDiagnostic(d.Severity, d.Id, d.Message, d.File, d.Line, d.Column))],
        result.Logs,
        result.ElapsedSeconds);

    private static CriterionVisibility VisibilityOf(Grader.Core.Exercises.ExerciseDefinition exercise, string criterionId) =>
        exercise.Criteria.FirstOrDefault(c => c.Id == criterionId)?.Visibility ?? CriterionVisibility.Visible;

    private sealed class RunnerProgress(IProgress<GradingProgress> progress) : IProgress<RunnerEvent>
    {
        public void Report(RunnerEvent value)
        {
            switch (value.EventCase)
            {
                case RunnerEvent.EventOneofCase.Started:
                    var s = value.Started;
                    progress.Report(new GradingProgress(
                        GradingStage.TrainingStarted,
                        $"training on {s.Device} ({s.Dataset}: {s.TrainExamples} training and {s.TestExamples} test images)"));
                    break;
                case RunnerEvent.EventOneofCase.EpochCompleted:
                    var e = value.EpochCompleted;
                    var fraction = e.Epochs > 0 ? (double)e.Epoch / e.Epochs : (double?)null;
                    progress.Report(new GradingProgress(
                        GradingStage.EpochCompleted,
                        $"{e.Model}: epoch {e.Epoch}/{e.Epochs}, loss {e.TrainLoss:0.000}, test accuracy {e.TestAccuracy:P1}",
                        fraction,
                        new EpochProgress(e.Model, e.Epoch, e.Epochs, e.TrainLoss, e.TrainAccuracy, e.TestAccuracy)));
                    break;
                case RunnerEvent.EventOneofCase.Completed:
                    progress.Report(new GradingProgress(GradingStage.Evaluating, "training finished; judging the rubric"));
                    break;
                default:
                    break;
            }
        }
    }
}
