using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Grader.Core.Courses;

/// <summary>The shapes of ids in resource names, checked once here so every use case rejects the same things.</summary>
public static partial class ResourceIds
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>Course ids: AIP-122 style, lower-case letters, digits and hyphens, 1–63 characters, starting with a letter or digit.</summary>
    public static bool IsValidCourseId(string? id) => id is not null && CourseId().IsMatch(id);

    /// <summary>Learner ids: LMS user ids vary, so letters of either case, digits, '.', '_' and '-', 1–64 characters.</summary>
    public static bool IsValidLearnerId(string? id) => id is not null && LearnerId().IsMatch(id);

    /// <summary>Exercise ids: the kebab-case ids of exercise files.</summary>
    public static bool IsValidExerciseId(string? id) => id is not null && CourseId().IsMatch(id);

    /// <summary>
    /// A new random id of <paramref name="length"/> characters from an alphabet without look-alikes (no l, o, 0, 1),
    /// from the OS's cryptographic generator: ids of keys and submissions must not be guessable.
    /// </summary>
    public static string NewId(int length = 16) => RandomNumberGenerator.GetString(Alphabet, length);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex CourseId();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex LearnerId();
}
