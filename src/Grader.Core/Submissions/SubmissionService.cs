using System.Runtime.CompilerServices;
using Grader.Core.Access;
using Grader.Core.Courses;
using Grader.Core.Errors;
using Grader.Core.Exercises;
using Grader.Core.Rubrics;

namespace Grader.Core.Submissions;

/// <summary>
/// The submission use cases the API calls. Every method takes the caller first and enforces the access rules:
/// a learner key sees and acts only for its own learner; lms and instructor keys act within their course; admin
/// keys everywhere. Failures are <see cref="GraderException"/>s (see <c>Grader.Core.Errors</c>).
/// </summary>
public sealed class SubmissionService(
    ISubmissionStore store,
    ICourseStore courses,
    ISubmissionQueue queue,
    CourseContent content,
    SubmissionOptions options,
    TimeProvider time)
{
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 100;
    private const int EventBatch = 500;

    /// <summary>
    /// Accepts a submission and queues it for grading, unless the learner's <paramref name="requestId"/> was seen
    /// before or the same sources were already submitted for this exercise version and profile: then the existing
    /// submission is returned with <see cref="CreateSubmissionResult.Reused"/> set and nothing is queued.
    /// </summary>
    /// <param name="actor">The caller.</param>
    /// <param name="courseId">The course.</param>
    /// <param name="exerciseId">The exercise (from the content catalogue).</param>
    /// <param name="learnerId">Whose submission; for a learner key, empty or its own learner.</param>
    /// <param name="sources">The files: 1..<see cref="SubmissionOptions.MaxFiles"/>, at most <see cref="SubmissionOptions.MaxSourceBytes"/> in total.</param>
    /// <param name="requestId">Idempotency key (AIP-155), unique per learner; null or empty for none.</param>
    /// <param name="profile">Training profile; null or empty for the default.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="InvalidArgumentException">Malformed ids, sources, request id or profile (every violation listed).</exception>
    /// <exception cref="PermissionDeniedException">Wrong course, another learner, or a learner outside the course.</exception>
    /// <exception cref="NotFoundException">Unknown course or exercise.</exception>
    /// <exception cref="QuotaExceededException">A submission limit of the exercise was hit; carries when to retry.</exception>
    public async Task<CreateSubmissionResult> CreateAsync(
        Principal actor,
        string courseId,
        string exerciseId,
        string learnerId,
        IReadOnlyList<SubmissionSource> sources,
        string? requestId,
        string? profile,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        learnerId = string.IsNullOrEmpty(learnerId) && actor.Role == Role.Learner ? actor.LearnerId ?? "" : learnerId ?? "";
        requestId = string.IsNullOrEmpty(requestId) ? null : requestId;
        var violations = SubmissionValidation.CheckIds(courseId, exerciseId, learnerId, requestId);
        violations.AddRange(SubmissionValidation.CheckSources(sources, options));
        if (violations.Count > 0)
        {
            throw new InvalidArgumentException(violations);
        }

        await CheckCanSubmitAsync(actor, courseId, learnerId, cancellationToken).ConfigureAwait(false);
        if (!content.Exercises.TryGet(exerciseId, out var exercise))
        {
            throw new NotFoundException("exercise", exerciseId);
        }

        var profileName = ResolveProfile(exercise, profile);
        var sourceHash = SourceHashing.Hash(sources);
        if (requestId is not null)
        {
            var existing = await store.FindByRequestIdAsync(courseId, learnerId, requestId, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                return SameRequest(ForViewer(actor, existing), exerciseId, profileName, sourceHash);
            }
        }

        var reusable = await store.FindReusableAsync(courseId, learnerId, exerciseId, exercise.Version, profileName, sourceHash, cancellationToken).ConfigureAwait(false);
        if (reusable is not null)
        {
            return new CreateSubmissionResult(ForViewer(actor, reusable), Reused: true);
        }

        var now = time.GetUtcNow();
        await CheckLimitsAsync(courseId, learnerId, exercise, now, cancellationToken).ConfigureAwait(false);

        var id = ResourceIds.NewId();
        var submission = new Submission(
            id, courseId, exerciseId, exercise.Version, learnerId, SubmissionState.Queued, requestId, sourceHash,
            profileName, exercise.GetProfile(profileName).Dataset, options.Seed, actor.KeyId,
            now, now, null, 0, 1, null, 0, []);
        var queued = new SubmissionEvent(id, 1, now, SubmissionEventKind.StateChanged, SubmissionState.Queued, "queued for grading", null, null);
        var inserted = await store.InsertAsync(
            new NewSubmission(submission, [.. sources], exercise.Title, content.ContentHashOf(exercise.Id), queued), cancellationToken).ConfigureAwait(false);
        if (!inserted)
        {
            // Lost a race with a concurrent call carrying the same request id: answer as that call did.
            var winner = await store.FindByRequestIdAsync(courseId, learnerId, requestId!, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Submission insert for request '{requestId}' conflicted, but no submission holds it.");
            return SameRequest(ForViewer(actor, winner), exerciseId, profileName, sourceHash);
        }

        try
        {
            await queue.EnqueueAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Without a job nothing would ever grade it: close it as a platform ERROR (which costs the learner
            // nothing) rather than leave a submission QUEUED forever, then let the caller see the fault.
            await store.TransitionAsync(id, [SubmissionState.Queued], SubmissionState.Error, "could not be queued for grading", time.GetUtcNow(), false, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return new CreateSubmissionResult(submission, Reused: false);
    }

    /// <summary>The submission with its result.</summary>
    /// <exception cref="NotFoundException">No such submission.</exception>
    /// <exception cref="PermissionDeniedException">It belongs to another course or (for a learner key) another learner.</exception>
    public async Task<Submission> GetAsync(Principal actor, string submissionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var submission = await LoadAsync(submissionId, cancellationToken).ConfigureAwait(false);
        AccessRules.CheckRead(actor, submission);
        return ForViewer(actor, submission);
    }

    /// <summary>The submission's files (for instructors and the learner who wrote them).</summary>
    public async Task<IReadOnlyList<SubmissionSource>> GetSourcesAsync(Principal actor, string submissionId, CancellationToken cancellationToken)
    {
        await GetAsync(actor, submissionId, cancellationToken).ConfigureAwait(false);
        return await store.GetSourcesAsync(submissionId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A page of submissions in a course, newest first. A learner key lists only its own.</summary>
    /// <exception cref="InvalidArgumentException">Bad page size, filter, or a page token from another query.</exception>
    /// <exception cref="PermissionDeniedException">Another course, or (learner key) another learner.</exception>
    public async Task<SubmissionPage> ListAsync(Principal actor, SubmissionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        var exerciseId = query.ExerciseId is null or "" or "-" ? null : query.ExerciseId;
        var learnerId = string.IsNullOrEmpty(query.LearnerId) || query.LearnerId == "-" ? null : query.LearnerId;
        var violations = new List<FieldViolation>();
        if (!ResourceIds.IsValidCourseId(query.CourseId))
        {
            violations.Add(new FieldViolation("parent", $"'{query.CourseId}' is not a valid course id"));
        }

        if (exerciseId is not null && !ResourceIds.IsValidExerciseId(exerciseId))
        {
            violations.Add(new FieldViolation("parent", $"'{exerciseId}' is not a valid exercise id"));
        }

        if (learnerId is not null && !ResourceIds.IsValidLearnerId(learnerId))
        {
            violations.Add(new FieldViolation("learner", $"'{learnerId}' is not a valid learner id"));
        }

        if (query.PageSize is < 0 or > MaxPageSize)
        {
            violations.Add(new FieldViolation("page_size", $"must be between 0 (default {DefaultPageSize}) and {MaxPageSize}; got {query.PageSize}"));
        }

        var conditions = SubmissionFilterParser.TryParse(query.Filter ?? "", out var parsed, out var filterError) ? parsed : [];
        if (filterError is not null)
        {
            violations.Add(new FieldViolation("filter", filterError));
        }

        if (violations.Count > 0)
        {
            throw new InvalidArgumentException(violations);
        }

        AccessRules.CheckCourse(actor, query.CourseId);
        if (actor.Role == Role.Learner)
        {
            if (learnerId is not null && learnerId != actor.LearnerId)
            {
                throw new PermissionDeniedException("OTHER_LEARNER", "A learner key lists only its own learner's submissions.");
            }

            learnerId = actor.LearnerId;
        }

        var fingerprint = PageTokens.Fingerprint(query.CourseId, exerciseId, learnerId, query.Filter ?? "");
        var after = PageTokens.Decode(query.PageToken ?? "", fingerprint);
        var size = query.PageSize == 0 ? DefaultPageSize : query.PageSize;
        var rows = await store.ListAsync(
            new SubmissionListing(query.CourseId, exerciseId, learnerId, conditions, after, size + 1), cancellationToken).ConfigureAwait(false);
        if (rows.Count <= size)
        {
            return new SubmissionPage([.. rows.Select(r => ForViewer(actor, r))], "");
        }

        var page = rows.Take(size).Select(r => ForViewer(actor, r)).ToList();
        var last = page[^1];
        return new SubmissionPage(page, PageTokens.Encode(fingerprint, new SubmissionCursor(last.CreatedAt, last.Id)));
    }

    /// <summary>
    /// Cancels a submission that has not finished: it becomes CANCELLED at once, and a running job notices
    /// (it polls) and stops the sandbox.
    /// </summary>
    /// <exception cref="FailedPreconditionException">It already reached a terminal state (reason <c>SUBMISSION_FINISHED</c>).</exception>
    public async Task<Submission> CancelAsync(Principal actor, string submissionId, CancellationToken cancellationToken)
    {
        var submission = await GetAsync(actor, submissionId, cancellationToken).ConfigureAwait(false);
        if (!submission.State.IsTerminal())
        {
            await store.TransitionAsync(
                submissionId,
                [SubmissionState.Queued, SubmissionState.Compiling, SubmissionState.Training, SubmissionState.Evaluating],
                SubmissionState.Cancelled,
                $"cancelled by {actor.KeyId}",
                time.GetUtcNow(),
                false,
                cancellationToken).ConfigureAwait(false);
            submission = await LoadAsync(submissionId, cancellationToken).ConfigureAwait(false);
            if (submission.State == SubmissionState.Cancelled)
            {
                return submission;
            }
        }

        throw new FailedPreconditionException("SUBMISSION_FINISHED", $"Submission '{submissionId}' already finished ({submission.State.ToName()}); only an unfinished submission can be cancelled.");
    }

    /// <summary>Stored events after <paramref name="afterSequence"/> (0: from the first), in order, up to a batch of 500.</summary>
    public async Task<IReadOnlyList<SubmissionEvent>> EventsAfterAsync(Principal actor, string submissionId, long afterSequence, CancellationToken cancellationToken)
    {
        await GetAsync(actor, submissionId, cancellationToken).ConfigureAwait(false);
        return await store.EventsAfterAsync(submissionId, Math.Max(0, afterSequence), EventBatch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every event after <paramref name="afterSequence"/> as it is stored, ending after the event that reaches a
    /// terminal state. For Watch: send <see cref="GetAsync"/> as the snapshot, then this from the snapshot's
    /// <see cref="Submission.LastEventSequence"/>. Polls every <see cref="SubmissionOptions.WatchPollInterval"/>.
    /// </summary>
    public async IAsyncEnumerable<SubmissionEvent> WatchAsync(
        Principal actor,
        string submissionId,
        long afterSequence,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var snapshot = await GetAsync(actor, submissionId, cancellationToken).ConfigureAwait(false);
        var next = Math.Max(0, afterSequence);
        if (snapshot.State.IsTerminal() && snapshot.LastEventSequence <= next)
        {
            yield break;
        }

        while (true)
        {
            var batch = await store.EventsAfterAsync(submissionId, next, EventBatch, cancellationToken).ConfigureAwait(false);
            foreach (var item in batch)
            {
                next = item.Sequence;
                yield return item;
                if (item.Kind == SubmissionEventKind.StateChanged && item.State.IsTerminal())
                {
                    yield break;
                }
            }

            if (batch.Count < EventBatch)
            {
                await Task.Delay(options.WatchPollInterval, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<Submission> LoadAsync(string submissionId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(submissionId) || submissionId.Length > 64)
        {
            throw new InvalidArgumentException("name", $"'{submissionId}' is not a valid submission id");
        }

        return await store.GetAsync(submissionId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("submission", submissionId);
    }

    private async Task CheckCanSubmitAsync(Principal actor, string courseId, string learnerId, CancellationToken cancellationToken)
    {
        AccessRules.CheckCourse(actor, courseId);
        if (actor.Role == Role.Learner && learnerId != actor.LearnerId)
        {
            throw new PermissionDeniedException("OTHER_LEARNER", "A learner key submits only for its own learner.");
        }

        _ = await courses.GetCourseAsync(courseId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("course", courseId);
        if (actor.Role != Role.Learner
            && await courses.GetMemberAsync(courseId, learnerId, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new PermissionDeniedException("LEARNER_NOT_IN_COURSE", $"Learner '{learnerId}' is not a member of course '{courseId}'.");
        }
    }

    private string ResolveProfile(ExerciseDefinition exercise, string? requested)
    {
        if (string.IsNullOrEmpty(requested))
        {
            return exercise.Profiles.ContainsKey(options.DefaultProfile)
                ? options.DefaultProfile
                : exercise.Profiles.Keys.Order(StringComparer.Ordinal).First();
        }

        return exercise.Profiles.ContainsKey(requested)
            ? requested
            : throw new InvalidArgumentException("profile", $"exercise '{exercise.Id}' has no profile '{requested}'; available: {string.Join(", ", exercise.Profiles.Keys.Order(StringComparer.Ordinal))}");
    }

    private async Task CheckLimitsAsync(string courseId, string learnerId, ExerciseDefinition exercise, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (exercise.SubmissionLimits is not { } limits)
        {
            return;
        }

        var since = now - (limits.Window > limits.Cooldown ? limits.Window : limits.Cooldown);
        var times = await store.CountedSubmissionTimesAsync(courseId, learnerId, exercise.Id, since, cancellationToken).ConfigureAwait(false);
        if (SubmissionQuota.Check(limits, times, now) is { } refusal)
        {
            throw new QuotaExceededException(
                $"{refusal.Description} for exercise '{exercise.Id}'; retry in {Math.Ceiling(refusal.RetryAfter.TotalSeconds):0} s",
                refusal.RetryAfter,
                $"courses/{courseId}/learners/{learnerId}/exercises/{exercise.Id}");
        }
    }

    /// <summary>
    /// What the actor may see of a result: learners do not see hidden criteria, nor after-due ones (no
    /// exercise has a due date yet, so those stay hidden too). The score still counts them.
    /// </summary>
    public static Submission ForViewer(Principal actor, Submission submission)
    {
        if (actor.Role != Role.Learner || submission.Result is not { } result
            || result.Criteria.All(c => c.Visibility == CriterionVisibility.Visible))
        {
            return submission;
        }
        return submission with { Result = result with { Criteria = [.. result.Criteria.Where(c => c.Visibility == CriterionVisibility.Visible)] } };
    }

    private static CreateSubmissionResult SameRequest(Submission existing, string exerciseId, string profile, string sourceHash) =>
        existing.ExerciseId == exerciseId && existing.Profile == profile && existing.SourceHash == sourceHash
            ? new CreateSubmissionResult(existing, Reused: true)
            : throw new InvalidArgumentException("request_id", $"request id '{existing.RequestId}' was already used for a different submission ({existing.Id})");
}
