using System.Text;

namespace Grader.Sandbox.Compilation;

/// <summary>Checks a submission's shape before any of it is parsed, so oversized or binary input costs nothing.</summary>
internal static class SubmissionLimits
{
    public static List<CompileDiagnostic> Check(IReadOnlyList<SourceFile> files, SubmissionCompilerOptions options)
    {
        var problems = new List<CompileDiagnostic>();
        if (files.Count == 0)
        {
            problems.Add(Whole(CompileDiagnosticIds.EmptySubmission, "The submission has no source files."));
            return problems;
        }

        if (files.Count > options.MaxFiles)
        {
            problems.Add(Whole(CompileDiagnosticIds.TooManyFiles,
                $"The submission has {files.Count} files; at most {options.MaxFiles} are accepted."));
            return problems;
        }

        long totalBytes = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file is null || string.IsNullOrWhiteSpace(file.Path))
            {
                problems.Add(Whole(CompileDiagnosticIds.InvalidFileName, "Every source file needs a name."));
                continue;
            }

            if (!seen.Add(file.Path))
            {
                problems.Add(Whole(CompileDiagnosticIds.InvalidFileName, $"The file name {file.Path} appears more than once.", file.Path));
            }

            if (file.Text is null)
            {
                problems.Add(Whole(CompileDiagnosticIds.NotText, $"The file {file.Path} has no text.", file.Path));
                continue;
            }

            totalBytes += Encoding.UTF8.GetByteCount(file.Text);
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        if (totalBytes > options.MaxSourceBytes)
        {
            problems.Add(Whole(CompileDiagnosticIds.SubmissionTooLarge,
                $"The submission is {totalBytes} bytes of source; the limit is {options.MaxSourceBytes} bytes."));
            return problems;
        }

        foreach (var file in files)
        {
            if (FindNonText(file.Text) is { } bad)
            {
                problems.Add(bad with { File = file.Path });
            }
        }

        if (problems.Count == 0 && files.All(f => string.IsNullOrWhiteSpace(f.Text)))
        {
            problems.Add(Whole(CompileDiagnosticIds.EmptySubmission, "The submission's files are empty."));
        }

        return problems;
    }

    // A NUL means a binary file; U+FFFD is what bytes that were not valid UTF-8 decode to.
    private static CompileDiagnostic? FindNonText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var index = text.AsSpan().IndexOfAny('\0', '\uFFFD');
        if (index < 0)
        {
            return null;
        }

        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var what = text[index] == '\0'
            ? "a NUL character: it looks like a binary file, not C# source"
            : "bytes that are not valid UTF-8 (or a U+FFFD replacement character): save the file as UTF-8 text";
        return new CompileDiagnostic(CompileDiagnostic.Error, CompileDiagnosticIds.NotText,
            $"The file contains {what}.", string.Empty, line, index - lineStart + 1);
    }

    private static CompileDiagnostic Whole(string id, string message, string file = "") =>
        new(CompileDiagnostic.Error, id, message, file, 0, 0);
}
