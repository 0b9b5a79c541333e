namespace Grader.Core.Access;

/// <summary>An API key's metadata; the secret is never stored or returned after creation.</summary>
/// <param name="Id">Public id, part of the presented key (<c>grd_{Id}_{secret}</c>).</param>
/// <param name="Prefix">The first characters of the presented key (<c>grd_{Id}</c>), safe to display.</param>
/// <param name="Role">What the key may do.</param>
/// <param name="CourseId">The course it is bound to; <see cref="Principal.AnyCourse"/> for admin keys.</param>
/// <param name="LearnerId">The learner a learner key acts as; null otherwise.</param>
/// <param name="Label">Free text to recognise the key by, e.g. "canvas prod".</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
/// <param name="RevokedAt">When it was revoked (UTC); null while valid.</param>
public sealed record ApiKey(
    string Id,
    string Prefix,
    Role Role,
    string CourseId,
    string? LearnerId,
    string Label,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt)
{
    /// <summary>Whether the key has been revoked.</summary>
    public bool IsRevoked => RevokedAt is not null;
}
