using Cifar10.MlpVsCnn;
using Grader.Training.Grading;

namespace Grader.Runner;

/// <summary>The exercise graders this runner can host, by <see cref="IExerciseGrader.Id"/>.</summary>
internal sealed class GraderRegistry
{
    private readonly Dictionary<string, IExerciseGrader> graders;

    public GraderRegistry(IEnumerable<IExerciseGrader> graders)
    {
        this.graders = new Dictionary<string, IExerciseGrader>(StringComparer.Ordinal);
        foreach (var grader in graders)
        {
            if (!this.graders.TryAdd(grader.Id, grader))
            {
                throw new ArgumentException($"Two graders share the id '{grader.Id}'.", nameof(graders));
            }
        }
    }

    public IEnumerable<string> Ids => graders.Keys;

    /// <summary>Every grader shipped with the runner. A new exercise family adds one line here.</summary>
    public static GraderRegistry CreateDefault() => new([new MlpVsCnnGrader()]);

    public bool TryGet(string id, out IExerciseGrader grader) => graders.TryGetValue(id, out grader!);
}
