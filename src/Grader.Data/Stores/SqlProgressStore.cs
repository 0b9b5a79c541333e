using System.Data.Common;
using Grader.Core.Progress;

namespace Grader.Data.Stores;

/// <summary>Reads a learner's XP ledger sum, achievements, submission days and grades.</summary>
internal sealed class SqlProgressStore(DbDataSource dataSource) : IProgressStore
{
    public async Task<LearnerRecord> GetLearnerAsync(string courseId, string learnerId, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return new LearnerRecord(
                await LearnerQueries.TotalXpAsync(connection, null, courseId, learnerId, cancellationToken).ConfigureAwait(false),
                await LearnerQueries.AchievementsAsync(connection, null, courseId, learnerId, cancellationToken).ConfigureAwait(false),
                await LearnerQueries.SubmissionDaysAsync(connection, null, courseId, learnerId, cancellationToken).ConfigureAwait(false),
                await LearnerQueries.GradesAsync(connection, null, courseId, learnerId, null, cancellationToken).ConfigureAwait(false));
        }
    }
}
