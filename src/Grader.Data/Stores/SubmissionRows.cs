using System.Diagnostics.CodeAnalysis;
using Grader.Core.Rubrics;
using Grader.Core.Submissions;

namespace Grader.Data.Stores;

/// <summary>A <c>submissions</c> row joined with its <c>results</c> row and XP sum.</summary>
[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by Dapper.")]
internal sealed class SubmissionRow
{
    public const string Select = """
        SELECT s.id, s.course_id, s.exercise_id, s.exercise_version, s.learner_id, s.state, s.request_id, s.source_hash,
               s.profile, s.dataset, s.seed, s.created_by, s.created_at, s.updated_at, s.finished_at, s.attempts,
               s.last_event_sequence,
               r.state AS result_state, r.reason AS result_reason, r.summary AS result_summary, r.score AS result_score,
               r.max_score AS result_max_score, r.dataset AS result_dataset, r.device AS result_device,
               r.criteria_json AS result_criteria_json, r.curves_json AS result_curves_json,
               r.diagnostics_json AS result_diagnostics_json, r.logs AS result_logs,
               r.elapsed_seconds AS result_elapsed_seconds,
               COALESCE((SELECT SUM(x.amount) FROM xp_ledger x WHERE x.submission_id = s.id), 0) AS xp_awarded
        FROM submissions s LEFT JOIN results r ON r.submission_id = s.id
        """;

    public string Id { get; set; } = "";
    public string CourseId { get; set; } = "";
    public string ExerciseId { get; set; } = "";
    public int ExerciseVersion { get; set; }
    public string LearnerId { get; set; } = "";
    public string State { get; set; } = "";
    public string? RequestId { get; set; }
    public string SourceHash { get; set; } = "";
    public string Profile { get; set; } = "";
    public string Dataset { get; set; } = "";
    public long Seed { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int Attempts { get; set; }
    public long LastEventSequence { get; set; }
    public string? ResultState { get; set; }
    public string? ResultReason { get; set; }
    public string? ResultSummary { get; set; }
    public double? ResultScore { get; set; }
    public double? ResultMaxScore { get; set; }
    public string? ResultDataset { get; set; }
    public string? ResultDevice { get; set; }
    public string? ResultCriteriaJson { get; set; }
    public string? ResultCurvesJson { get; set; }
    public string? ResultDiagnosticsJson { get; set; }
    public string? ResultLogs { get; set; }
    public double? ResultElapsedSeconds { get; set; }
    public long XpAwarded { get; set; }

    public Submission ToSubmission(IReadOnlyDictionary<string, double> measurements, IReadOnlyList<string> achievements) => new(
        Id, CourseId, ExerciseId, ExerciseVersion, LearnerId, ParseState(State), RequestId, SourceHash, Profile, Dataset,
        unchecked((ulong)Seed), CreatedBy, CreatedAt, UpdatedAt, FinishedAt, Attempts, LastEventSequence,
        ResultState is null ? null : new SubmissionResult(
            ParseState(ResultState), ResultReason ?? "", ResultSummary ?? "", ResultScore ?? 0, ResultMaxScore ?? 0,
            ResultDataset ?? "", ResultDevice ?? "",
            DataJson.Read<List<CriterionOutcome>>(ResultCriteriaJson ?? "[]"),
            measurements,
            DataJson.Read<List<ResultCurve>>(ResultCurvesJson ?? "[]"),
            DataJson.Read<List<ResultDiagnostic>>(ResultDiagnosticsJson ?? "[]"),
            ResultLogs ?? "",
            ResultElapsedSeconds ?? 0),
        (int)XpAwarded,
        achievements);

    public static SubmissionState ParseState(string name) =>
        SubmissionStateExtensions.TryParseName(name, out var state) ? state : throw new InvalidDataException($"Unknown stored state '{name}'.");
}

/// <summary>A <c>submission_events</c> row.</summary>
[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by Dapper.")]
internal sealed class EventRow
{
    public string SubmissionId { get; set; } = "";
    public long Sequence { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string Kind { get; set; } = "";
    public string State { get; set; } = "";
    public string Message { get; set; } = "";
    public double? Fraction { get; set; }
    public string? EpochJson { get; set; }

    public SubmissionEvent ToEvent() => new(
        SubmissionId, Sequence, OccurredAt,
        Kind == "progress" ? SubmissionEventKind.Progress : SubmissionEventKind.StateChanged,
        SubmissionRow.ParseState(State), Message, Fraction,
        EpochJson is null ? null : DataJson.Read<EpochProgress>(EpochJson));
}

/// <summary>A graded attempt as the award rules read it.</summary>
[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by Dapper.")]
internal sealed class AttemptRow
{
    public string Id { get; set; } = "";
    public string ExerciseId { get; set; } = "";
    public string State { get; set; } = "";
    public string Reason { get; set; } = "";
    public double Score { get; set; }
    public double MaxScore { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public GradedAttempt ToAttempt() => new(Id, ExerciseId, SubmissionRow.ParseState(State), Reason, Score, MaxScore, CreatedAt);
}
