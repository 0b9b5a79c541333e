using System.Data.Common;
using Dapper;
using Grader.Core.Progress;

namespace Grader.Data.Stores;

/// <summary>Reads of one learner's history shared by progress reads and the completing transaction.</summary>
internal static class LearnerQueries
{
    public static async Task<int> TotalXpAsync(DbConnection connection, DbTransaction? transaction, string courseId, string learnerId, CancellationToken cancellationToken) =>
        (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE(SUM(amount), 0) FROM xp_ledger WHERE course_id = @courseId AND learner_id = @learnerId",
            new { courseId, learnerId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

    public static async Task<IReadOnlyList<StoredAchievement>> AchievementsAsync(DbConnection connection, DbTransaction? transaction, string courseId, string learnerId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<AchievementRow>(new CommandDefinition(
            "SELECT achievement_id, unlocked_at, submission_id FROM achievements WHERE course_id = @courseId AND learner_id = @learnerId ORDER BY unlocked_at, achievement_id",
            new { courseId, learnerId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToStored())];
    }

    /// <summary>Distinct UTC days of the learner's submissions that count (not ERROR), ascending.</summary>
    public static async Task<IReadOnlyList<DateOnly>> SubmissionDaysAsync(DbConnection connection, DbTransaction? transaction, string courseId, string learnerId, CancellationToken cancellationToken)
    {
        var times = await connection.QueryAsync<DateTimeOffset>(new CommandDefinition(
            "SELECT created_at FROM submissions WHERE course_id = @courseId AND learner_id = @learnerId AND state <> 'ERROR'",
            new { courseId, learnerId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. times.Select(t => DateOnly.FromDateTime(t.UtcDateTime)).Distinct().Order()];
    }

    public static async Task<IReadOnlyList<ExerciseGrade>> GradesAsync(DbConnection connection, DbTransaction? transaction, string courseId, string learnerId, string? exerciseId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<GradeRow>(new CommandDefinition(
            $"{GradeRow.Select} WHERE course_id = @courseId AND learner_id = @learnerId AND (@exerciseId IS NULL OR exercise_id = @exerciseId) ORDER BY exercise_id",
            new { courseId, learnerId, exerciseId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToGrade())];
    }
}
