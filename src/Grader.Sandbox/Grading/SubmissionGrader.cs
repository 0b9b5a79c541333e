using Google.Protobuf;
using Grader.Contracts.Runner.V1;
using Grader.Contracts.V1;
using Grader.Core.Exercises;
using Grader.Core.Rubrics;
using Grader.Datasets;
using Grader.Sandbox.Compilation;
using Grader.Sandbox.Running;
using RecipeMessage = Grader.Contracts.Runner.V1.TrainingRecipe;

namespace Grader.Sandbox.Grading;

/// <summary>
/// The grading use case: compile in this (trusted) process, run in the sandbox, judge with the
/// rubric. A learner's mistake becomes a FAILED result with diagnostics; only the platform's own
/// faults become ERROR. The caller's cancellation propagates as <see cref="OperationCanceledException"/>.
/// The runner is not trusted: it gets the test images without labels, everything it reports is checked
/// (<see cref="RunnerReportChecker"/>), and the test accuracies are computed here.
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
            return Finish(result, GradingState.Failed, GradingReasons.CompileError, $"the code did not compile ({errors} error{(errors == 1 ? "" : "s")})", started);
        }

        if (!RunnerReportRules.TryGet(request.Exercise.Grader, out var rules))
            return Finish(result, GradingState.Error, GradingReasons.PlatformError, $"this host has no report rules for grader '{request.Exercise.Grader}'", started);
        TestSplit split;
        try
        {
            split = TestSplit.Build(request.Dataset, request.DatasetDirectory, request.Seed, profile.Recipe.TestLimit);
        }
        catch (Exception e) when (e is DatasetFormatException or IOException or UnauthorizedAccessException)
        {
            return Finish(result, GradingState.Error, GradingReasons.PlatformError, $"the {request.Dataset} test split could not be read: {e.Message}", started);
        }

        var job = new RunJob
        {
            Grader = request.Exercise.Grader,
            AssemblyFile = "solution.dll",
            Recipe = ToMessage(profile.Recipe),
            Dataset = new DatasetSpec { Name = request.Dataset, Path = split.DatasetPath },
            Seed = request.Seed,
            AllowCuda = profile.Device == DevicePreference.CudaPreferred,
            TestImages = new TestImages { Count = split.Images.Count, Pixels = ByteString.CopyFrom(split.Images.Pixels) },
        };
        var checker = new RunnerReportChecker(rules, split.Images, profile.Recipe.Epochs, request.Dataset);
        var mounts = split.Mounts;
        var outcome = await RunCheckedAsync(new RunnerRequest(compiled.Assembly, job, profile.Limits.WallClock, mounts) { MemoryLimitBytes = profile.Limits.MemoryMb * 1024L * 1024 }, checker, progress, cancellationToken);
        if (outcome is null || checker.Violation is not null)
            return Violated(result, checker, outcome, started);
        result.Logs = outcome.Logs;
        result.Device = outcome.Device;

        // The runner sends Started right before the learner's code first runs. After that, what the runner says
        // about its own health cannot be told apart from what learner code made it say, so a "platform fault"
        // then is a crash of the learner's run, not a free retry.
        if (outcome.Kind == RunnerOutcomeKind.PlatformError && outcome.TimeToStarted is not null)
            return Finish(result, GradingState.Failed, GradingReasons.Crashed, $"the run broke down after your code started: {outcome.Message}", started);

        return outcome.Kind switch
        {
            RunnerOutcomeKind.Completed => Judge(result, request, checker, outcome.Completed!, started),
            RunnerOutcomeKind.LearnerFailed => Failed(result, checker, outcome.Failed!, started),
            RunnerOutcomeKind.TimeLimit => Finish(result, GradingState.Failed, "time_limit", $"time limit: stopped after {profile.Limits.WallClockSeconds} s of wall-clock time", started),
            RunnerOutcomeKind.OutputLimit => Finish(result, GradingState.Failed, "output_limit", "output limit: the code printed too much and was stopped", started),
            RunnerOutcomeKind.MemoryLimit => Finish(result, GradingState.Failed, "memory_limit", outcome.Message, started),
            RunnerOutcomeKind.Crashed => Finish(result, GradingState.Failed, "crashed", $"the code crashed: {outcome.Message}", started),
            RunnerOutcomeKind.ProtocolViolation => Finish(result, GradingState.Failed, "protocol_violation", outcome.Message, started),
            _ => Finish(result, GradingState.Error, "platform_error", outcome.Message, started),
        };
    }

    /// <summary>
    /// Runs the job with every event checked as it arrives; a runner caught breaking the rules is stopped at once
    /// (null then: <see cref="RunnerReportChecker.Violation"/> says why). The caller's cancellation still throws.
    /// </summary>
    private async Task<RunnerOutcome?> RunCheckedAsync(RunnerRequest request, RunnerReportChecker checker, IProgress<RunnerEvent>? progress, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var relay = new CheckedProgress(checker, progress, stop);
        try
        {
            return await launcher.RunAsync(request, relay, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && checker.Violation is not null)
        {
            return null;
        }
    }

    private GradingResult Violated(GradingResult result, RunnerReportChecker checker, RunnerOutcome? outcome, long started)
    {
        result.Logs = outcome?.Logs ?? string.Empty;
        result.Device = outcome?.Device ?? string.Empty;
        return checker.ViolationIsPlatformFault
            ? Finish(result, GradingState.Error, GradingReasons.PlatformError, $"the runner started wrongly: {checker.Violation}", started)
            : Finish(result, GradingState.Failed, GradingReasons.ProtocolViolation, $"protocol violation: {checker.Violation}", started);
    }

    private GradingResult Failed(GradingResult result, RunnerReportChecker checker, RunFailed failed, long started) =>
        checker.CheckFailure(failed) is { } message
            ? Finish(result, GradingState.Failed, failed.Reason, message, started)
            : Violated(result, checker, null, started);

    private GradingResult Judge(GradingResult result, GradeRequest request, RunnerReportChecker checker, RunCompleted completed, long started)
    {
        if (checker.Complete(completed) is not { } report)
            return Violated(result, checker, null, started);
        foreach (var (name, value) in report.Measurements)
            result.Measurements[name] = value;
        result.Curves.AddRange(report.Curves.Select(c =>
        {
            var curve = new Contracts.V1.Curve { Name = c.Name };
            curve.Values.AddRange(c.Values);
            return curve;
        }));

        var rubric = RubricEvaluator.Evaluate(request.Exercise, request.Dataset, report.Measurements);
        result.Criteria.AddRange(rubric.Criteria.Select(c => c.ToMessage()));
        result.Score = rubric.Score;
        result.MaxScore = rubric.MaxScore;
        var failed = rubric.Criteria.Where(c => !c.Passed).Select(c => c.Id).ToList();
        return failed.Count == 0
            ? Finish(result, GradingState.Succeeded, "", $"all {rubric.Criteria.Count} criteria passed", started)
            : Finish(result, GradingState.Failed, GradingReasons.CriteriaFailed, $"{failed.Count} of {rubric.Criteria.Count} criteria failed: {string.Join(", ", failed)}", started);
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
}
