using Grader.Cli.Configuration;
using Grader.Core.Exercises;

namespace Grader.Cli.Content;

/// <summary>Finds the content folder and reads every exercises/*/exercise.yaml in it.</summary>
public sealed class ContentDirectory
{
    private ContentDirectory(string root) => Root = root;

    public string Root { get; }

    /// <summary>The configured root, or the nearest "content" folder above the working directory or the program.</summary>
    public static ContentDirectory Locate(ContentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Root.Length > 0)
        {
            var configured = Path.GetFullPath(options.Root);
            return Directory.Exists(Path.Combine(configured, "exercises"))
                ? new ContentDirectory(configured)
                : throw new CliException($"content folder '{configured}' has no exercises/ folder");
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "content");
                if (Directory.Exists(Path.Combine(candidate, "exercises")))
                    return new ContentDirectory(candidate);
            }
        }
        throw new CliException("no content folder found above the working directory; pass --content <dir> or set GRADER_Content__Root");
    }

    public ExerciseCatalog LoadExercises()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Root, "exercises"), "exercise.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetRelativePath(Root, path), File.ReadAllText(path)))
            .ToList();
        try
        {
            return ExerciseCatalog.Load(files);
        }
        catch (ExerciseFormatException ex)
        {
            throw new CliException($"invalid exercise file: {ex.Message}");
        }
    }
}
