using Grader.Core.Exercises;
using Grader.Core.Progress;

namespace Grader.Core.Courses;

/// <summary>
/// What the content folder defines for the service: the exercises every course offers and the progression
/// (levels, XP rules, achievements). Loaded once at start by the host (Grader.Data reads the files), so
/// Core stays free of I/O.
/// </summary>
/// <param name="Exercises">The exercise catalogue.</param>
/// <param name="ExerciseContentHashes">Lower-case hex SHA-256 of each exercise file's text, by exercise id; stored with (id, version) so an edit without a version bump is visible.</param>
/// <param name="Progression">Levels, XP rules and achievements.</param>
public sealed record CourseContent(
    ExerciseCatalog Exercises,
    IReadOnlyDictionary<string, string> ExerciseContentHashes,
    ProgressionDefinition Progression)
{
    /// <summary>The content hash of exercise <paramref name="exerciseId"/>; empty when the loader recorded none.</summary>
    public string ContentHashOf(string exerciseId) =>
        ExerciseContentHashes.TryGetValue(exerciseId, out var hash) ? hash : "";
}
