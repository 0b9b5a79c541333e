using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Dapper;
using Grader.Core.Progress;
using Grader.Core.Submissions;
using Grader.Data.Database;

namespace Grader.Data.Stores;

/// <summary>Submissions, their sources, events, results, measurements and awards.</summary>
internal sealed class SqlSubmissionStore(DbDataSource dataSource, SqlDialect dialect) : ISubmissionStore
{
    private static readonly string[] RunningStates =
        [SubmissionState.Compiling.ToName(), SubmissionState.Training.ToName(), SubmissionState.Evaluating.ToName()];

    public async Task<Submission?> GetAsync(string submissionId, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return (await LoadAsync(connection, null, $"{SubmissionRow.Select} WHERE s.id = @submissionId", new { submissionId }, cancellationToken).ConfigureAwait(false))
                .SingleOrDefault();
        }
    }

    public Task<Submission?> FindByRequestIdAsync(string courseId, string learnerId, string requestId, CancellationToken cancellationToken) =>
        FirstAsync(
            $"{SubmissionRow.Select} WHERE s.course_id = @courseId AND s.learner_id = @learnerId AND s.request_id = @requestId",
            new { courseId, learnerId, requestId }, cancellationToken);

    public Task<Submission?> FindReusableAsync(
        string courseId, string learnerId, string exerciseId, int exerciseVersion, string profile, string sourceHash, CancellationToken cancellationToken) =>
        FirstAsync(
            $"""
            {SubmissionRow.Select}
            WHERE s.course_id = @courseId AND s.learner_id = @learnerId AND s.exercise_id = @exerciseId
              AND s.exercise_version = @exerciseVersion AND s.profile = @profile AND s.source_hash = @sourceHash
              AND s.state NOT IN ('ERROR', 'CANCELLED')
            ORDER BY s.created_at DESC, s.id DESC LIMIT 1
            """,
            new { courseId, learnerId, exerciseId, exerciseVersion, profile, sourceHash }, cancellationToken);

    public async Task<IReadOnlyList<DateTimeOffset>> CountedSubmissionTimesAsync(
        string courseId, string learnerId, string exerciseId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var times = await connection.QueryAsync<DateTimeOffset>(new CommandDefinition(
                """
                SELECT created_at FROM submissions
                WHERE course_id = @courseId AND learner_id = @learnerId AND exercise_id = @exerciseId
                  AND state <> 'ERROR' AND created_at > @since
                ORDER BY created_at DESC
                """,
                new { courseId, learnerId, exerciseId, since }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return [.. times];
        }
    }

    public async Task<bool> InsertAsync(NewSubmission submission, CancellationToken cancellationToken)
    {
        var s = submission.Submission;
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO exercises (id, title, latest_version, updated_at) VALUES (@ExerciseId, @Title, @ExerciseVersion, @CreatedAt)
                    ON CONFLICT (id) DO UPDATE SET title = excluded.title, latest_version = excluded.latest_version, updated_at = excluded.updated_at
                    WHERE excluded.latest_version >= exercises.latest_version
                    """,
                    new { s.ExerciseId, Title = submission.ExerciseTitle, s.ExerciseVersion, s.CreatedAt }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO exercise_versions (exercise_id, version, content_hash, recorded_at) VALUES (@ExerciseId, @ExerciseVersion, @Hash, @CreatedAt)
                    ON CONFLICT (exercise_id, version, content_hash) DO NOTHING
                    """,
                    new { s.ExerciseId, s.ExerciseVersion, Hash = submission.ExerciseContentHash, s.CreatedAt }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                var inserted = await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO submissions (id, course_id, exercise_id, exercise_version, exercise_hash, learner_id, state, request_id,
                        source_hash, profile, dataset, seed, created_by, created_at, updated_at, finished_at, attempts, last_event_sequence)
                    VALUES (@Id, @CourseId, @ExerciseId, @ExerciseVersion, @Hash, @LearnerId, @State, @RequestId,
                        @SourceHash, @Profile, @Dataset, @Seed, @CreatedBy, @CreatedAt, @UpdatedAt, @FinishedAt, @Attempts, @LastEventSequence)
                    ON CONFLICT DO NOTHING
                    """,
                    new
                    {
                        s.Id, s.CourseId, s.ExerciseId, s.ExerciseVersion, Hash = submission.ExerciseContentHash, s.LearnerId,
                        State = s.State.ToName(), s.RequestId, s.SourceHash, s.Profile, s.Dataset, Seed = unchecked((long)s.Seed),
                        s.CreatedBy, s.CreatedAt, s.UpdatedAt, s.FinishedAt, s.Attempts, LastEventSequence = submission.QueuedEvent.Sequence,
                    },
                    transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (inserted == 0)
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    return false;
                }

                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO submission_sources (submission_id, ordinal, path, content) VALUES (@SubmissionId, @Ordinal, @Path, @Content)",
                    submission.Sources.Select((f, i) => new { SubmissionId = s.Id, Ordinal = i, f.Path, Content = f.Text }),
                    transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                await InsertEventAsync(connection, transaction, submission.QueuedEvent, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
    }

    public async Task<IReadOnlyList<SubmissionSource>> GetSourcesAsync(string submissionId, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync<SourceRow>(new CommandDefinition(
                "SELECT path, content FROM submission_sources WHERE submission_id = @submissionId ORDER BY ordinal",
                new { submissionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return [.. rows.Select(r => new SubmissionSource(r.Path, r.Content))];
        }
    }

    public async Task<IReadOnlyList<Submission>> ListAsync(SubmissionListing listing, CancellationToken cancellationToken)
    {
        var where = new List<string> { "s.course_id = @courseId" };
        var parameters = new DynamicParameters();
        parameters.Add("courseId", listing.CourseId);
        if (listing.ExerciseId is not null)
        {
            where.Add("s.exercise_id = @exerciseId");
            parameters.Add("exerciseId", listing.ExerciseId);
        }

        if (listing.LearnerId is not null)
        {
            where.Add("s.learner_id = @learnerId");
            parameters.Add("learnerId", listing.LearnerId);
        }

        for (var i = 0; i < listing.Conditions.Count; i++)
        {
            var condition = listing.Conditions[i];
            var name = $"f{i}";
            var column = condition.Field switch
            {
                FilterField.State => "s.state",
                FilterField.Learner => "s.learner_id",
                FilterField.Exercise => "s.exercise_id",
                FilterField.Profile => "s.profile",
                _ => "s.created_at",
            };
            var op = condition.Operator switch
            {
                FilterOperator.Equal => "=",
                FilterOperator.NotEqual => "<>",
                FilterOperator.Less => "<",
                FilterOperator.LessOrEqual => "<=",
                FilterOperator.Greater => ">",
                _ => ">=",
            };
            where.Add($"{column} {op} @{name}");
            if (condition.Field == FilterField.CreateTime)
            {
                parameters.Add(name, condition.Time!.Value);
            }
            else
            {
                parameters.Add(name, condition.Text);
            }
        }

        if (listing.After is { } after)
        {
            where.Add("(s.created_at < @afterTime OR (s.created_at = @afterTime AND s.id < @afterId))");
            parameters.Add("afterTime", after.CreatedAt);
            parameters.Add("afterId", after.Id);
        }

        parameters.Add("limit", listing.Limit);
        var sql = $"{SubmissionRow.Select} WHERE {string.Join(" AND ", where)} ORDER BY s.created_at DESC, s.id DESC LIMIT @limit";
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await LoadAsync(connection, null, sql, parameters, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<SubmissionEvent?> TransitionAsync(
        string submissionId,
        IReadOnlyCollection<SubmissionState> from,
        SubmissionState target,
        string message,
        DateTimeOffset at,
        bool startsAttempt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var sequence = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                    $"""
                    UPDATE submissions
                    SET state = @target, updated_at = @at, attempts = attempts + @increment,
                        finished_at = CASE WHEN @terminal THEN @at ELSE finished_at END,
                        last_event_sequence = last_event_sequence + 1
                    WHERE id = @submissionId AND {dialect.InList("state", "from")}
                    RETURNING last_event_sequence
                    """,
                    new
                    {
                        submissionId, target = target.ToName(), at, increment = startsAttempt ? 1 : 0, terminal = target.IsTerminal(),
                        from = from.Select(s => s.ToName()).ToArray(),
                    },
                    transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (sequence is null)
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    return null;
                }

                var item = new SubmissionEvent(submissionId, sequence.Value, at, SubmissionEventKind.StateChanged, target, message, null, null);
                await InsertEventAsync(connection, transaction, item, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return item;
            }
        }
    }

    public async Task<SubmissionEvent?> AppendProgressAsync(
        string submissionId, SubmissionState state, string message, double? fraction, EpochProgress? epoch, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var sequence = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                    "UPDATE submissions SET last_event_sequence = last_event_sequence + 1 WHERE id = @submissionId AND state = @state RETURNING last_event_sequence",
                    new { submissionId, state = state.ToName() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (sequence is null)
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    return null;
                }

                var item = new SubmissionEvent(submissionId, sequence.Value, at, SubmissionEventKind.Progress, state, message, fraction, epoch);
                await InsertEventAsync(connection, transaction, item, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return item;
            }
        }
    }

    public async Task<IReadOnlyList<SubmissionEvent>> EventsAfterAsync(string submissionId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
                """
                SELECT submission_id, sequence, occurred_at, kind, state, message, fraction, epoch_json
                FROM submission_events WHERE submission_id = @submissionId AND sequence > @afterSequence
                ORDER BY sequence LIMIT @limit
                """,
                new { submissionId, afterSequence, limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return [.. rows.Select(r => r.ToEvent())];
        }
    }

    public async Task<Submission?> CompleteAsync(
        string submissionId, SubmissionResult result, Func<AwardContext, AwardDecision> decide, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(decide);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var before = (await LoadAsync(connection, transaction, $"{SubmissionRow.Select} WHERE s.id = @submissionId", new { submissionId }, cancellationToken).ConfigureAwait(false))
                    .SingleOrDefault();
                if (before is null || !before.State.IsRunning())
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    return null;
                }

                if (dialect.LearnerLockSql is { } lockSql)
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        lockSql, new { key = $"{before.CourseId}/{before.LearnerId}" }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                }

                // The guard: only a submission still running completes. A second completion (a retried job, a
                // restarted worker, a cancellation that won the race) finds it terminal and writes nothing.
                var sequence = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                    $"""
                    UPDATE submissions SET state = @state, updated_at = @at, finished_at = @at, last_event_sequence = last_event_sequence + 1
                    WHERE id = @submissionId AND {dialect.InList("state", "running")}
                    RETURNING last_event_sequence
                    """,
                    new { submissionId, state = result.State.ToName(), at, running = RunningStates },
                    transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (sequence is null)
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    return null;
                }

                var context = await ReadAwardContextAsync(connection, transaction, before, cancellationToken).ConfigureAwait(false);
                var decision = decide(context);
                await WriteResultAsync(connection, transaction, submissionId, result, at, cancellationToken).ConfigureAwait(false);
                await WriteAwardsAsync(connection, transaction, before, decision, at, cancellationToken).ConfigureAwait(false);
                await InsertEventAsync(
                    connection, transaction,
                    new SubmissionEvent(submissionId, sequence.Value, at, SubmissionEventKind.StateChanged, result.State, result.Summary, null, null),
                    cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return (await LoadAsync(connection, null, $"{SubmissionRow.Select} WHERE s.id = @submissionId", new { submissionId }, cancellationToken).ConfigureAwait(false))
                .SingleOrDefault();
        }
    }

    private static async Task<AwardContext> ReadAwardContextAsync(DbConnection connection, DbTransaction transaction, Submission submission, CancellationToken cancellationToken)
    {
        var attempts = await connection.QueryAsync<AttemptRow>(new CommandDefinition(
            """
            SELECT s.id, s.exercise_id, s.state, r.reason, r.score, r.max_score, s.created_at
            FROM submissions s JOIN results r ON r.submission_id = s.id
            WHERE s.course_id = @CourseId AND s.learner_id = @LearnerId AND s.state IN ('SUCCEEDED', 'FAILED') AND s.id <> @Id
            ORDER BY s.created_at, s.id
            """,
            new { submission.CourseId, submission.LearnerId, submission.Id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var grade = (await LearnerQueries.GradesAsync(connection, transaction, submission.CourseId, submission.LearnerId, submission.ExerciseId, cancellationToken).ConfigureAwait(false))
            .SingleOrDefault();
        var xp = await LearnerQueries.TotalXpAsync(connection, transaction, submission.CourseId, submission.LearnerId, cancellationToken).ConfigureAwait(false);
        var unlocked = await LearnerQueries.AchievementsAsync(connection, transaction, submission.CourseId, submission.LearnerId, cancellationToken).ConfigureAwait(false);
        var days = await LearnerQueries.SubmissionDaysAsync(connection, transaction, submission.CourseId, submission.LearnerId, cancellationToken).ConfigureAwait(false);
        return new AwardContext(
            submission,
            [.. attempts.Select(a => a.ToAttempt())],
            grade,
            xp,
            unlocked.Select(a => a.AchievementId).ToHashSet(StringComparer.Ordinal),
            days);
    }

    private static async Task WriteResultAsync(DbConnection connection, DbTransaction transaction, string submissionId, SubmissionResult result, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO results (submission_id, state, reason, summary, score, max_score, dataset, device, criteria_json, curves_json,
                diagnostics_json, logs, elapsed_seconds, created_at)
            VALUES (@submissionId, @State, @Reason, @Summary, @Score, @MaxScore, @Dataset, @Device, @CriteriaJson, @CurvesJson,
                @DiagnosticsJson, @Logs, @ElapsedSeconds, @at)
            """,
            new
            {
                submissionId, State = result.State.ToName(), result.Reason, result.Summary, result.Score, result.MaxScore, result.Dataset,
                result.Device, CriteriaJson = DataJson.Write(result.Criteria), CurvesJson = DataJson.Write(result.Curves),
                DiagnosticsJson = DataJson.Write(result.Diagnostics), result.Logs, result.ElapsedSeconds, at,
            },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

        // SQLite turns NaN into NULL; a measurement that is not a number is not a measurement worth storing.
        var finite = result.Measurements.Where(m => double.IsFinite(m.Value)).Select(m => new { submissionId, Name = m.Key, m.Value }).ToList();
        if (finite.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO measurements (submission_id, name, value) VALUES (@submissionId, @Name, @Value)",
                finite, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    private static async Task WriteAwardsAsync(DbConnection connection, DbTransaction transaction, Submission submission, AwardDecision decision, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (decision.Grade is { } grade)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO grades (course_id, learner_id, exercise_id, best_score, max_score, passed, best_submission_id, updated_at)
                VALUES (@CourseId, @LearnerId, @ExerciseId, @BestScore, @MaxScore, @Passed, @BestSubmissionId, @UpdatedAt)
                ON CONFLICT (course_id, learner_id, exercise_id) DO UPDATE SET
                    best_score = excluded.best_score, max_score = excluded.max_score, passed = excluded.passed,
                    best_submission_id = excluded.best_submission_id, updated_at = excluded.updated_at
                """,
                grade, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        if (decision.Xp.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO xp_ledger (award_key, course_id, learner_id, submission_id, amount, reason, awarded_at)
                VALUES (@Key, @CourseId, @LearnerId, @SubmissionId, @Amount, @Reason, @at)
                ON CONFLICT (award_key) DO NOTHING
                """,
                decision.Xp.Select(x => new { x.Key, submission.CourseId, submission.LearnerId, SubmissionId = submission.Id, x.Amount, x.Reason, at }),
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        if (decision.Achievements.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO achievements (course_id, learner_id, achievement_id, submission_id, unlocked_at)
                VALUES (@CourseId, @LearnerId, @AchievementId, @SubmissionId, @at)
                ON CONFLICT (course_id, learner_id, achievement_id) DO NOTHING
                """,
                decision.Achievements.Select(a => new { submission.CourseId, submission.LearnerId, AchievementId = a, SubmissionId = submission.Id, at }),
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    private static Task<int> InsertEventAsync(DbConnection connection, DbTransaction transaction, SubmissionEvent item, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO submission_events (submission_id, sequence, occurred_at, kind, state, message, fraction, epoch_json)
            VALUES (@SubmissionId, @Sequence, @Time, @Kind, @State, @Message, @Fraction, @EpochJson)
            """,
            new
            {
                item.SubmissionId, item.Sequence, item.Time, Kind = item.Kind == SubmissionEventKind.Progress ? "progress" : "state",
                State = item.State.ToName(), item.Message, item.Fraction, EpochJson = item.Epoch is null ? null : DataJson.Write(item.Epoch),
            },
            transaction, cancellationToken: cancellationToken));

    private async Task<Submission?> FirstAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var found = await LoadAsync(connection, null, sql, parameters, cancellationToken).ConfigureAwait(false);
            return found.Count == 0 ? null : found[0];
        }
    }

    private async Task<IReadOnlyList<Submission>> LoadAsync(DbConnection connection, DbTransaction? transaction, string sql, object parameters, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<SubmissionRow>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToArray();
        var measurements = (await connection.QueryAsync<MeasurementRow>(new CommandDefinition(
                $"SELECT submission_id, name, value FROM measurements WHERE {dialect.InList("submission_id", "ids")}", new { ids }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .GroupBy(m => m.SubmissionId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, double>)g.ToDictionary(m => m.Name, m => m.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        var achievements = (await connection.QueryAsync<UnlockRow>(new CommandDefinition(
                $"SELECT submission_id, achievement_id FROM achievements WHERE {dialect.InList("submission_id", "ids")} ORDER BY achievement_id", new { ids }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .GroupBy(a => a.SubmissionId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(a => a.AchievementId)], StringComparer.Ordinal);
        IReadOnlyDictionary<string, double> noMeasurements = new Dictionary<string, double>();
        return [.. rows.Select(r => r.ToSubmission(
            measurements.GetValueOrDefault(r.Id) ?? noMeasurements,
            achievements.GetValueOrDefault(r.Id) ?? []))];
    }

    [SuppressMessage("Performance", "CA1812", Justification = "Instantiated by Dapper.")]
    private sealed class SourceRow
    {
        public string Path { get; set; } = "";
        public string Content { get; set; } = "";
    }

    [SuppressMessage("Performance", "CA1812", Justification = "Instantiated by Dapper.")]
    private sealed class MeasurementRow
    {
        public string SubmissionId { get; set; } = "";
        public string Name { get; set; } = "";
        public double Value { get; set; }
    }

    [SuppressMessage("Performance", "CA1812", Justification = "Instantiated by Dapper.")]
    private sealed class UnlockRow
    {
        public string SubmissionId { get; set; } = "";
        public string AchievementId { get; set; } = "";
    }
}
