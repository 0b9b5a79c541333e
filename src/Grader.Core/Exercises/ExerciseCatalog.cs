using System.Diagnostics.CodeAnalysis;

namespace Grader.Core.Exercises;

/// <summary>
/// The exercises of a content tree, indexed by id. Built from file texts the caller has read, so Core stays
/// free of I/O; every invalid file and every duplicate id is reported together.
/// </summary>
public sealed class ExerciseCatalog
{
    private readonly Dictionary<string, ExerciseDefinition> _byId;
    private readonly Dictionary<string, string> _paths;

    private ExerciseCatalog(Dictionary<string, ExerciseDefinition> byId, Dictionary<string, string> paths)
    {
        _byId = byId;
        _paths = paths;
        Exercises = [.. byId.Values.OrderBy(e => e.Id, StringComparer.Ordinal)];
    }

    /// <summary>All exercises, ordered by id.</summary>
    public IReadOnlyList<ExerciseDefinition> Exercises { get; }

    /// <summary>Parses each (path, YAML text) pair and indexes the exercises by id.</summary>
    /// <exception cref="ExerciseFormatException">
    /// A file is invalid or two files share an id; <see cref="ExerciseFormatException.Problems"/> lists each,
    /// prefixed with the file's path.
    /// </exception>
    public static ExerciseCatalog Load(IEnumerable<(string Path, string Yaml)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var byId = new Dictionary<string, ExerciseDefinition>(StringComparer.Ordinal);
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (path, yaml) in files)
        {
            ExerciseDefinition exercise;
            try
            {
                exercise = ExerciseParser.Parse(yaml, path);
            }
            catch (ExerciseFormatException ex)
            {
                problems.AddRange(ex.Problems.Select(p => $"{path}: {p}"));
                continue;
            }

            if (paths.TryGetValue(exercise.Id, out var first))
            {
                problems.Add($"{path}: id: duplicate exercise id '{exercise.Id}', already defined in {first}");
                continue;
            }

            byId[exercise.Id] = exercise;
            paths[exercise.Id] = path;
        }

        if (problems.Count > 0)
        {
            throw new ExerciseFormatException(null, problems);
        }

        return new ExerciseCatalog(byId, paths);
    }

    /// <summary>Parses a single file's text; for callers that hold one exercise.</summary>
    public static ExerciseCatalog Load(string path, string yaml) => Load([(path, yaml)]);

    /// <summary>The exercise with <paramref name="id"/>, if any.</summary>
    public bool TryGet(string id, [NotNullWhen(true)] out ExerciseDefinition? exercise) =>
        _byId.TryGetValue(id, out exercise);

    /// <summary>The exercise with <paramref name="id"/>; a <see cref="KeyNotFoundException"/> listing the known ids otherwise.</summary>
    public ExerciseDefinition Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.TryGetValue(id, out var exercise)
            ? exercise
            : throw new KeyNotFoundException(
                $"No exercise '{id}'; known: {(_byId.Count == 0 ? "(none)" : string.Join(", ", _byId.Keys.Order(StringComparer.Ordinal)))}.");
    }

    /// <summary>The path the exercise with <paramref name="id"/> was loaded from.</summary>
    public string PathOf(string id) => _paths[Get(id).Id];
}
