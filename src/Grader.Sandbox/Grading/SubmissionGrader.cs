using Grader.Contracts.Runner.V1;
using Grader.Contracts.V1;
using Grader.Core.Exercises;
using Grader.Core.Rubrics;
using Grader.Sandbox.Compilation;
using Grader.Sandbox.Running;
using RecipeMessage = Grader.Contracts.Runner.V1.TrainingRecipe;

namespace Grader.Sandbox.Grading;

/// <summary>
/// The grading use case: compile in this (trusted) process, run in the sandbox, judge with the
/// rubric. A learner's mistake becomes a FAILED result with diagnostics; only the platform's own
/// faults become ERROR. The caller's cancellation propagates as <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class SubmissionGrader(SubmissionCompiler compiler, RunnerLauncher launcher, TimeProvider time)
{
    public async Task<GradingResult> GradeAsync(GradeRequest request, IProgress<RunnerEvent>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = time.GetTimestamp();
        var profile = request.Exercise.GetProfile(request.Profile);
        var result = new GradingResult
        {
            Exercise = request.Exercise.Id,
            Profile = profile.Name,
            Dataset = request.Dataset,
            Seed = request.Seed,
        };

        var compiled = compiler.Compile(request.Sources, cancellationToken);
        result.Diagnostics.AddRange(compiled.Diagnostics.Select(ToMessage));
        if (!compiled.Succeeded || compiled.Assembly is null)
        {
            var errors = compiled.Errors.Count();
            return Finish(result, GradingState.Failed, "compile_error", $"the code did not compile ({errors} error{(errors == 1 ? "" : "s")})", started);
        }

        var job = new RunJob
        {
            Grader = request.Exercise.Grader,
            AssemblyFile = "solution.dll",
            Recipe = ToMessage(profile.Recipe),
            Dataset = new DatasetSpec { Name = request.Dataset, Path = request.DatasetDirectory ?? "" },
            Seed = request.Seed,
            AllowCuda = profile.Device == DevicePreference.CudaPreferred,
        };
        var mounts = request.DatasetDirectory is null ? Array.Empty<string>() : [request.DatasetDirectory];
        var outcome = await launcher.RunAsync(new RunnerRequest(compiled.Assembly, job, profile.Limits.WallClock, mounts), progress, cancellationToken);
        result.Logs = outcome.Logs;
        result.Device = outcome.Device;
        if (outcome.Dataset.Length > 0 && outcome.Dataset != request.Dataset)
            return Finish(result, GradingState.Error, "dataset_mismatch", $"the runner trained on '{outcome.Dataset}', not '{request.Dataset}'", started);

        return outcome.Kind switch
        {
            RunnerOutcomeKind.Completed => Judge(result, request, outcome.Completed!, started),
            RunnerOutcomeKind.LearnerFailed => Finish(result, GradingState.Failed, outcome.Failed!.Reason, outcome.Failed.Message, started),
            RunnerOutcomeKind.TimeLimit => Finish(result, GradingState.Failed, "time_limit", $"time limit: stopped after {profile.Limits.WallClockSeconds} s of wall-clock time", started),
            RunnerOutcomeKind.OutputLimit => Finish(result, GradingState.Failed, "output_limit", "output limit: the code printed too much and was stopped", started),
            RunnerOutcomeKind.Crashed => Finish(result, GradingState.Failed, "crashed", $"the code crashed: {outcome.Message}", started),
            RunnerOutcomeKind.ProtocolViolation => Finish(result, GradingState.Failed, "protocol_violation", outcome.Message, started),
            _ => Finish(result, GradingState.Error, "platform_error", outcome.Message, started),
        };
    }

    private GradingResult Judge(GradingResult result, GradeRequest request, RunCompleted completed, long started)
    {
        foreach (var (name, value) in completed.Measurements)
            result.Measurements[name] = value;
        result.Curves.AddRange(completed.Curves.Select(c =>
        {
            var curve = new Contracts.V1.Curve { Name = c.Name };
            curve.Values.AddRange(c.Values);
            return curve;
        }));

        var rubric = RubricEvaluator.Evaluate(request.Exercise, request.Dataset, completed.Measurements);
        result.Criteria.AddRange(rubric.Criteria.Select(ToMessage));
        result.Score = rubric.Score;
        result.MaxScore = rubric.MaxScore;
        var failed = rubric.Criteria.Where(c => !c.Passed).Select(c => c.Id).ToList();
        return failed.Count == 0
            ? Finish(result, GradingState.Succeeded, "", $"all {rubric.Criteria.Count} criteria passed", started)
            : Finish(result, GradingState.Failed, "criteria_failed", $"{failed.Count} of {rubric.Criteria.Count} criteria failed: {string.Join(", ", failed)}", started);
    }

    private GradingResult Finish(GradingResult result, GradingState state, string reason, string summary, long started)
    {
        result.State = state;
        result.Reason = reason;
        result.Summary = summary;
        result.ElapsedSeconds = time.GetElapsedTime(started).TotalSeconds;
        return result;
    }

    private static RecipeMessage ToMessage(Core.Exercises.TrainingRecipe recipe) => new()
    {
        Optimizer = recipe.Optimizer == OptimizerKind.Sgd ? "sgd" : "adam",
        LearningRate = recipe.LearningRate,
        BatchSize = recipe.BatchSize,
        Epochs = recipe.Epochs,
        TrainLimit = recipe.TrainLimit,
        TestLimit = recipe.TestLimit,
        TimeLimitSeconds = recipe.TimeLimitSeconds,
        Momentum = recipe.Momentum,
        WeightDecay = recipe.WeightDecay,
    };

    private static Diagnostic ToMessage(CompileDiagnostic d) => new()
    {
        Severity = d.Severity,
        Id = d.Id,
        Message = d.Message,
        File = d.File,
        Line = d.Line,
        Column = d.Column,
    };

    private static CriterionResult ToMessage(CriterionOutcome c) => new()
    {
        Id = c.Id,
        Title = c.Title,
        Passed = c.Passed,
        Points = c.Points,
        MaxPoints = c.MaxPoints,
        Measured = c.Measured,
        Comparison = c.Comparison.ToSymbol(),
        Threshold = c.Threshold,
        Feedback = c.Feedback,
    };
}
