using Grader.Core.Access;
using Grader.Core.Courses;
using Grader.Core.Errors;

namespace Grader.Core.Progress;

/// <summary>Learner progress (XP, level, achievements, streak) and the achievements catalogue.</summary>
public sealed class ProgressService(IProgressStore store, ICourseStore courses, CourseContent content, TimeProvider time)
{
    private const string HiddenTitle = "???";
    private const string HiddenDescription = "A hidden achievement: keep going to find out.";

    /// <summary>The learner's progress in the course. A learner key may ask only for itself (empty learner id: itself).</summary>
    /// <exception cref="PermissionDeniedException">Another course or another learner.</exception>
    /// <exception cref="NotFoundException">Unknown course, or a learner who is not a member.</exception>
    public async Task<LearnerProgress> GetAsync(Principal actor, string courseId, string learnerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrEmpty(learnerId) && actor.Role == Role.Learner)
        {
            learnerId = actor.LearnerId ?? "";
        }

        if (!ResourceIds.IsValidLearnerId(learnerId))
        {
            throw new InvalidArgumentException("name", $"'{learnerId}' is not a valid learner id");
        }

        AccessRules.CheckCourse(actor, courseId);
        AccessRules.CheckLearner(actor, learnerId);
        _ = await courses.GetCourseAsync(courseId, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("course", courseId);
        _ = await courses.GetMemberAsync(courseId, learnerId, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("learner", learnerId);

        var record = await store.GetLearnerAsync(courseId, learnerId, cancellationToken).ConfigureAwait(false);
        var standing = LevelCurve.Locate(content.Progression.Levels, record.Xp);
        var definitions = content.Progression.Achievements.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var unlocked = record.Achievements
            .Where(a => definitions.ContainsKey(a.AchievementId))
            .Select(a => new UnlockedAchievement(definitions[a.AchievementId], a.UnlockedAt, a.SubmissionId))
            .ToList();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return new LearnerProgress(
            courseId, learnerId, record.Xp, standing.Level.Level, standing.Level.Title, standing.XpIntoLevel, standing.XpForNextLevel,
            unlocked, Streaks.Current(record.SubmissionDays, today), record.Grades);
    }

    /// <summary>
    /// Every achievement in authored order. Hidden ones show as "???" unless the caller is a learner key whose
    /// learner has unlocked them; for learner keys <see cref="AchievementView.UnlockedAt"/> is filled in.
    /// </summary>
    public async Task<IReadOnlyList<AchievementView>> CatalogueAsync(Principal actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var unlocked = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (actor is { Role: Role.Learner, LearnerId: { } learner })
        {
            var record = await store.GetLearnerAsync(actor.CourseId, learner, cancellationToken).ConfigureAwait(false);
            foreach (var a in record.Achievements)
            {
                unlocked[a.AchievementId] = a.UnlockedAt;
            }
        }

        return
        [
            .. content.Progression.Achievements.Select(a =>
            {
                var at = unlocked.TryGetValue(a.Id, out var t) ? t : (DateTimeOffset?)null;
                var revealed = !a.Hidden || at is not null;
                return new AchievementView(a.Id, revealed ? a.Title : HiddenTitle, revealed ? a.Description : HiddenDescription, a.Hidden, revealed, at);
            }),
        ];
    }
}
