using System.Text;
using System.Text.RegularExpressions;
using Grader.Core.Courses;
using Grader.Core.Errors;

namespace Grader.Core.Submissions;

/// <summary>Checks a create request's fields, collecting every violation so the caller can fix them at once.</summary>
internal static partial class SubmissionValidation
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static List<FieldViolation> CheckIds(string courseId, string exerciseId, string learnerId, string? requestId)
    {
        var violations = new List<FieldViolation>();
        if (!ResourceIds.IsValidCourseId(courseId))
        {
            violations.Add(new FieldViolation("parent", $"'{courseId}' is not a valid course id (lower-case letters, digits and '-', at most 63)"));
        }

        if (!ResourceIds.IsValidExerciseId(exerciseId))
        {
            violations.Add(new FieldViolation("parent", $"'{exerciseId}' is not a valid exercise id (lower-case letters, digits and '-', at most 63)"));
        }

        if (!ResourceIds.IsValidLearnerId(learnerId))
        {
            violations.Add(new FieldViolation("submission.learner", $"'{learnerId}' is not a valid learner id (letters, digits, '.', '_' and '-', at most 64)"));
        }

        if (requestId is not null && !RequestId().IsMatch(requestId))
        {
            violations.Add(new FieldViolation("request_id", "must be 1-128 letters, digits, '-', '_' or '.' (a UUID is recommended)"));
        }

        return violations;
    }

    public static List<FieldViolation> CheckSources(IReadOnlyList<SubmissionSource>? sources, SubmissionOptions options)
    {
        var violations = new List<FieldViolation>();
        if (sources is null || sources.Count == 0)
        {
            violations.Add(new FieldViolation("submission.sources", "at least one source file is required"));
            return violations;
        }

        if (sources.Count > options.MaxFiles)
        {
            violations.Add(new FieldViolation("submission.sources", $"at most {options.MaxFiles} files are accepted; got {sources.Count}"));
        }

        var paths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long total = 0;
        for (var i = 0; i < sources.Count; i++)
        {
            var field = $"submission.sources[{i}]";
            var source = sources[i];
            if (source?.Path is null || !FileName().IsMatch(source.Path))
            {
                violations.Add(new FieldViolation($"{field}.path", $"'{source?.Path}' is not a valid file name (letters, digits, '.', '_' or '-', ending in .cs, at most 64)"));
            }
            else if (!paths.Add(source.Path))
            {
                violations.Add(new FieldViolation($"{field}.path", $"'{source.Path}' appears more than once"));
            }

            var text = source?.Text ?? "";
            if (string.IsNullOrWhiteSpace(text))
            {
                violations.Add(new FieldViolation($"{field}.content", "is empty"));
                continue;
            }

            // U+FFFD is what a lenient decoder leaves for bytes that are not UTF-8; a lone surrogate cannot be
            // encoded at all. Either way the file is not the text the learner wrote.
            if (text.Contains('\uFFFD', StringComparison.Ordinal) || !TryCount(text, out var bytes))
            {
                violations.Add(new FieldViolation($"{field}.content", "is not valid UTF-8 text"));
                continue;
            }

            if (text.Contains('\0', StringComparison.Ordinal))
            {
                violations.Add(new FieldViolation($"{field}.content", "contains a NUL character; source files are text"));
            }

            total += bytes;
        }

        if (total > options.MaxSourceBytes)
        {
            violations.Add(new FieldViolation("submission.sources", $"the sources are {total} bytes; at most {options.MaxSourceBytes} bytes (UTF-8) are accepted"));
        }

        return violations;
    }

    private static bool TryCount(string text, out int bytes)
    {
        try
        {
            bytes = StrictUtf8.GetByteCount(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            bytes = 0;
            return false;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex RequestId();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,60}\.cs$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}
