using Grader.Core.Courses;
using Grader.Core.Errors;

namespace Grader.Server.Api;

/// <summary>
/// Parses and formats the API's resource names. A malformed name is INVALID_ARGUMENT naming the request field
/// and the expected pattern; a well-formed name of something that does not exist is the use case's NOT_FOUND.
/// </summary>
public static class ResourceNames
{
    /// <summary>The AIP-159 wildcard for "every exercise" in a List parent.</summary>
    public const string AnyExercise = "-";

    /// <summary>The "me" learner id in a progress name (the calling learner key's own learner).</summary>
    public const string Me = "-";

    private const string CoursePattern = "courses/{course}";
    private const string ExercisePattern = "courses/{course}/exercises/{exercise}";
    private const string SubmissionPattern = "courses/{course}/exercises/{exercise}/submissions/{submission}";
    private const string LearnerPattern = "courses/{course}/learners/{learner}";
    private const string ProgressPattern = "courses/{course}/learners/{learner}/progress";

    public static string Course(string courseId) => $"courses/{courseId}";

    public static string Exercise(string courseId, string exerciseId) => $"courses/{courseId}/exercises/{exerciseId}";

    public static string Submission(string courseId, string exerciseId, string submissionId) =>
        $"courses/{courseId}/exercises/{exerciseId}/submissions/{submissionId}";

    public static string Learner(string courseId, string learnerId) => $"courses/{courseId}/learners/{learnerId}";

    public static string Progress(string courseId, string learnerId) => $"courses/{courseId}/learners/{learnerId}/progress";

    public static string Achievement(string courseId, string achievementId) => $"courses/{courseId}/achievements/{achievementId}";

    /// <summary><c>courses/{course}</c> → the course id.</summary>
    public static string ParseCourse(string? name, string field)
    {
        var parts = Split(name, field, CoursePattern, 2);
        Expect(parts, 0, "courses", name, field, CoursePattern);
        return CourseId(parts[1], name, field, CoursePattern);
    }

    /// <summary><c>courses/{course}/exercises/{exercise}</c>; with <paramref name="allowWildcard"/>, the exercise may be <c>-</c>.</summary>
    public static (string CourseId, string ExerciseId) ParseExercise(string? name, string field, bool allowWildcard = false)
    {
        var parts = Split(name, field, ExercisePattern, 4);
        Expect(parts, 0, "courses", name, field, ExercisePattern);
        Expect(parts, 2, "exercises", name, field, ExercisePattern);
        var course = CourseId(parts[1], name, field, ExercisePattern);
        if (allowWildcard && parts[3] == AnyExercise) return (course, AnyExercise);
        if (!ResourceIds.IsValidExerciseId(parts[3]))
            throw Invalid(field, name, ExercisePattern, "the exercise id must be lower-case letters, digits and hyphens");
        return (course, parts[3]);
    }

    /// <summary><c>courses/{course}/exercises/{exercise}/submissions/{submission}</c>.</summary>
    public static (string CourseId, string ExerciseId, string SubmissionId) ParseSubmission(string? name, string field)
    {
        var parts = Split(name, field, SubmissionPattern, 6);
        Expect(parts, 0, "courses", name, field, SubmissionPattern);
        Expect(parts, 2, "exercises", name, field, SubmissionPattern);
        Expect(parts, 4, "submissions", name, field, SubmissionPattern);
        var course = CourseId(parts[1], name, field, SubmissionPattern);
        if (!ResourceIds.IsValidExerciseId(parts[3]))
            throw Invalid(field, name, SubmissionPattern, "the exercise id must be lower-case letters, digits and hyphens");
        if (!ResourceIds.IsValidExerciseId(parts[5]))
            throw Invalid(field, name, SubmissionPattern, "the submission id must be lower-case letters and digits");
        return (course, parts[3], parts[5]);
    }

    /// <summary><c>courses/{course}/learners/{learner}</c>.</summary>
    public static (string CourseId, string LearnerId) ParseLearner(string? name, string field)
    {
        var parts = Split(name, field, LearnerPattern, 4);
        Expect(parts, 0, "courses", name, field, LearnerPattern);
        Expect(parts, 2, "learners", name, field, LearnerPattern);
        return (CourseId(parts[1], name, field, LearnerPattern), LearnerId(parts[3], name, field, LearnerPattern, allowMe: false));
    }

    /// <summary><c>courses/{course}/learners/{learner}/progress</c>; the learner may be <c>-</c> (the caller).</summary>
    public static (string CourseId, string LearnerId) ParseProgress(string? name, string field)
    {
        var parts = Split(name, field, ProgressPattern, 5);
        Expect(parts, 0, "courses", name, field, ProgressPattern);
        Expect(parts, 2, "learners", name, field, ProgressPattern);
        Expect(parts, 4, "progress", name, field, ProgressPattern);
        return (CourseId(parts[1], name, field, ProgressPattern), LearnerId(parts[3], name, field, ProgressPattern, allowMe: true));
    }

    private static string[] Split(string? name, string field, string pattern, int segments)
    {
        if (string.IsNullOrEmpty(name))
            throw new InvalidArgumentException(field, $"required: a resource name of the form {pattern}");
        var parts = name.Split('/');
        return parts.Length == segments ? parts : throw Invalid(field, name, pattern, $"expected {segments} segments");
    }

    private static void Expect(string[] parts, int index, string literal, string? name, string field, string pattern)
    {
        if (!string.Equals(parts[index], literal, StringComparison.Ordinal))
            throw Invalid(field, name, pattern, $"segment {index + 1} must be '{literal}'");
    }

    private static string CourseId(string id, string? name, string field, string pattern) =>
        ResourceIds.IsValidCourseId(id) ? id : throw Invalid(field, name, pattern, "the course id must be 1-63 lower-case letters, digits and hyphens");

    private static string LearnerId(string id, string? name, string field, string pattern, bool allowMe) =>
        (allowMe && id == Me) || ResourceIds.IsValidLearnerId(id)
            ? id
            : throw Invalid(field, name, pattern, "the learner id must be 1-64 letters, digits, '.', '_' or '-'");

    private static InvalidArgumentException Invalid(string field, string? name, string pattern, string why)
    {
        var shown = name is null ? "" : name.Length <= 120 ? name : string.Concat(name.AsSpan(0, 120), "…");
        return new InvalidArgumentException(field, $"'{shown}' is not a resource name of the form {pattern}: {why}");
    }
}
