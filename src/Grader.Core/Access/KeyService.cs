using Grader.Core.Courses;
using Grader.Core.Errors;

namespace Grader.Core.Access;

/// <summary>
/// API keys: created by the operator (CLI <c>grader keys</c>, <c>grader demo</c>) and presented by callers as
/// <c>authorization: Bearer grd_…</c>. These methods take no <see cref="Principal"/>: they are the operator's
/// own tools (the server exposes only <see cref="AuthenticateAsync"/>).
/// </summary>
public sealed class KeyService(IApiKeyStore keys, ICourseStore courses, TimeProvider time)
{
    /// <summary>
    /// Creates a key bound to <paramref name="role"/> and a course. Learner keys need a learner id and enrol the
    /// learner in the course; admin keys take no course (or <see cref="Principal.AnyCourse"/>).
    /// </summary>
    /// <returns>The metadata and the plaintext key, which is shown once and never stored.</returns>
    /// <exception cref="InvalidArgumentException">Bad course or learner id for the role, or a label over 200 characters.</exception>
    /// <exception cref="NotFoundException">The course does not exist.</exception>
    public async Task<CreatedApiKey> CreateAsync(Role role, string? courseId, string? learnerId, string label, CancellationToken cancellationToken)
    {
        label ??= "";
        var violations = new List<FieldViolation>();
        if (!Enum.IsDefined(role))
        {
            violations.Add(new FieldViolation("role", $"unknown role {(int)role}"));
        }

        if (role == Role.Admin)
        {
            if (!string.IsNullOrEmpty(courseId) && courseId != Principal.AnyCourse)
            {
                violations.Add(new FieldViolation("course", "admin keys are not bound to a course"));
            }

            courseId = Principal.AnyCourse;
        }
        else if (!ResourceIds.IsValidCourseId(courseId))
        {
            violations.Add(new FieldViolation("course", $"'{courseId}' is not a valid course id"));
        }

        if (role == Role.Learner && !ResourceIds.IsValidLearnerId(learnerId))
        {
            violations.Add(new FieldViolation("learner", $"a learner key needs a valid learner id; got '{learnerId}'"));
        }
        else if (role != Role.Learner && !string.IsNullOrEmpty(learnerId))
        {
            violations.Add(new FieldViolation("learner", $"only learner keys act as one learner; a {role.ToString().ToLowerInvariant()} key takes none"));
        }

        if (label.Length > 200)
        {
            violations.Add(new FieldViolation("label", "at most 200 characters"));
        }

        if (violations.Count > 0)
        {
            throw new InvalidArgumentException(violations);
        }

        var now = time.GetUtcNow();
        if (role != Role.Admin)
        {
            _ = await courses.GetCourseAsync(courseId!, cancellationToken).ConfigureAwait(false)
                ?? throw new NotFoundException("course", courseId!);
        }

        if (role == Role.Learner)
        {
            await courses.AddMemberAsync(new CourseMember(courseId!, learnerId!, "", now), cancellationToken).ConfigureAwait(false);
        }

        var (id, secret, plaintext) = ApiKeyFormat.Generate();
        var key = new ApiKey(id, ApiKeyFormat.DisplayPrefix(id), role, courseId!, role == Role.Learner ? learnerId : null, label, now, null);
        await keys.InsertAsync(new StoredApiKey(key, ApiKeyFormat.HashSecret(secret)), cancellationToken).ConfigureAwait(false);
        return new CreatedApiKey(key, plaintext);
    }

    /// <summary>Every key, or those of one course, newest first; never any secret.</summary>
    public Task<IReadOnlyList<ApiKey>> ListAsync(string? courseId, CancellationToken cancellationToken) =>
        keys.ListAsync(string.IsNullOrEmpty(courseId) ? null : courseId, cancellationToken);

    /// <summary>Revokes the key (idempotent: revoking twice keeps the first time); returns its metadata.</summary>
    /// <param name="keyId">The id, or the whole presented key, or its displayed prefix.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="NotFoundException">No such key.</exception>
    public async Task<ApiKey> RevokeAsync(string keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        var id = ApiKeyFormat.TryParse(keyId, out var parsed, out _) ? parsed
            : keyId.StartsWith(ApiKeyFormat.Prefix, StringComparison.Ordinal) ? keyId[ApiKeyFormat.Prefix.Length..]
            : keyId;
        if (!await keys.RevokeAsync(id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            throw new NotFoundException("key", keyId);
        }

        var stored = await keys.FindAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("key", keyId);
        return stored.Key;
    }

    /// <summary>The caller a presented key stands for; null when it is malformed, unknown, wrong or revoked.</summary>
    public async Task<Principal?> AuthenticateAsync(string? presented, CancellationToken cancellationToken)
    {
        if (!ApiKeyFormat.TryParse(presented, out var id, out var secret))
        {
            return null;
        }

        var stored = await keys.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored is null || stored.Key.IsRevoked || !ApiKeyFormat.Matches(secret, stored.SecretHash))
        {
            return null;
        }

        return new Principal(stored.Key.Id, stored.Key.Role, stored.Key.CourseId, stored.Key.LearnerId);
    }
}
