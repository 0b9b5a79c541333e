namespace Grader.Core.Access;

/// <summary>The authenticated caller every use case receives first and checks.</summary>
/// <param name="KeyId">The API key's public id (or <c>local</c> for <see cref="LocalOperator"/>).</param>
/// <param name="Role">What the key may do.</param>
/// <param name="CourseId">The course the key is bound to; <see cref="AnyCourse"/> for admin keys.</param>
/// <param name="LearnerId">The learner a <see cref="Role.Learner"/> key acts as; null for other roles.</param>
public sealed record Principal(string KeyId, Role Role, string CourseId, string? LearnerId)
{
    /// <summary>The course id of admin keys: they are not bound to one course.</summary>
    public const string AnyCourse = "*";

    /// <summary>
    /// The operator of this installation acting in-process (CLI <c>keys</c>, <c>migrate</c>, <c>demo</c> set-up).
    /// Never produced by <see cref="KeyService.AuthenticateAsync"/>, so no remote caller can become it.
    /// </summary>
    public static Principal LocalOperator { get; } = new("local", Role.Admin, AnyCourse, null);

    /// <summary>Whether this caller may act in <paramref name="courseId"/> at all (admins: every course).</summary>
    public bool CanAccessCourse(string courseId) =>
        Role == Role.Admin || string.Equals(CourseId, courseId, StringComparison.Ordinal);
}
