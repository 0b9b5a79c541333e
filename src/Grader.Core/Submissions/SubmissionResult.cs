using Grader.Core.Rubrics;

namespace Grader.Core.Submissions;

/// <summary>The verdict on a submission (the domain twin of <c>grader.v1.GradingResult</c>).</summary>
/// <param name="State">SUCCEEDED, FAILED or ERROR.</param>
/// <param name="Reason">Machine-readable reason, e.g. <c>criteria_failed</c>, <c>compile_error</c>, <c>platform_error</c>; empty when SUCCEEDED.</param>
/// <param name="Summary">One human sentence.</param>
/// <param name="Score">Points earned.</param>
/// <param name="MaxScore">Points possible.</param>
/// <param name="Dataset">Dataset trained on.</param>
/// <param name="Device">Device trained on, e.g. <c>cpu</c>; empty when nothing ran.</param>
/// <param name="Criteria">Per-criterion outcomes in rubric order.</param>
/// <param name="Measurements">Named measurements, e.g. <c>cnn.test_accuracy</c>.</param>
/// <param name="Curves">Training curves.</param>
/// <param name="Diagnostics">Compiler and policy diagnostics.</param>
/// <param name="Logs">Learner process output, capped.</param>
/// <param name="ElapsedSeconds">Wall-clock time of the grading.</param>
public sealed record SubmissionResult(
    SubmissionState State,
    string Reason,
    string Summary,
    double Score,
    double MaxScore,
    string Dataset,
    string Device,
    IReadOnlyList<CriterionOutcome> Criteria,
    IReadOnlyDictionary<string, double> Measurements,
    IReadOnlyList<ResultCurve> Curves,
    IReadOnlyList<ResultDiagnostic> Diagnostics,
    string Logs,
    double ElapsedSeconds);
