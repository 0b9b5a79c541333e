using Grader.Core.Courses;
using Grader.Core.Exercises;
using Grader.Core.Progress;
using Grader.Core.Submissions;

namespace Grader.Data.Content;

/// <summary>Reads a content folder into <see cref="CourseContent"/>: every <c>exercises/*/exercise.yaml</c> and <c>progression.yaml</c>.</summary>
public static class ContentLoader
{
    /// <summary>The progression file's name under the content root.</summary>
    public const string ProgressionFile = "progression.yaml";

    /// <summary>The configured root, or the nearest "content" folder above the working directory or the program.</summary>
    /// <exception cref="DirectoryNotFoundException">Neither exists.</exception>
    public static string LocateRoot(string configuredRoot)
    {
        ArgumentNullException.ThrowIfNull(configuredRoot);
        if (configuredRoot.Length > 0)
        {
            var configured = Path.GetFullPath(configuredRoot);
            return Directory.Exists(Path.Combine(configured, "exercises"))
                ? configured
                : throw new DirectoryNotFoundException($"Content folder '{configured}' has no exercises/ folder (Content:Root).");
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "content");
                if (Directory.Exists(Path.Combine(candidate, "exercises")))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("No content folder found above the working directory or the program; set Content:Root.");
    }

    /// <summary>Loads the exercises (with each file's content hash) and the progression from <paramref name="root"/>.</summary>
    /// <exception cref="ExerciseFormatException">An exercise file is invalid.</exception>
    /// <exception cref="ProgressionFormatException">progression.yaml is invalid.</exception>
    /// <exception cref="FileNotFoundException">progression.yaml is missing.</exception>
    public static CourseContent Load(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var files = ReadExerciseFiles(root);
        var catalog = ExerciseCatalog.Load(files);
        var hashes = files.ToDictionary(
            f => catalog.Exercises.First(e => catalog.PathOf(e.Id) == f.Path).Id,
            f => SourceHashing.HashText(f.Yaml),
            StringComparer.Ordinal);
        var progressionPath = Path.Combine(root, ProgressionFile);
        var progression = ProgressionParser.Parse(File.ReadAllText(progressionPath), ProgressionFile);
        return new CourseContent(catalog, hashes, progression);
    }

    /// <summary>Only the exercises under <paramref name="root"/>, for local grading (no progression needed).</summary>
    /// <exception cref="ExerciseFormatException">An exercise file is invalid.</exception>
    public static ExerciseCatalog LoadExercises(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return ExerciseCatalog.Load(ReadExerciseFiles(root));
    }

    private static List<(string Path, string Yaml)> ReadExerciseFiles(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "exercises"), "exercise.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetRelativePath(root, path), File.ReadAllText(path)))
            .ToList();
}
