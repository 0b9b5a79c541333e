using Grader.Core.Rubrics;

namespace Grader.Core.Exercises;

/// <summary>
/// One exercise as authored in <c>content/exercises/&lt;id&gt;/exercise.yaml</c>: what the learner builds,
/// how the grader trains it (per profile) and how the measurements are judged (criteria).
/// </summary>
/// <param name="Id">Kebab-case id, unique in a catalog.</param>
/// <param name="Version">Bumped whenever the recipe or rubric changes, so stored results say which rules judged them.</param>
/// <param name="Title">Human title.</param>
/// <param name="Lesson">Id of the lesson the exercise belongs to.</param>
/// <param name="Xp">Experience points awarded for passing.</param>
/// <param name="Grader">Name of the exercise grader that the runner hosts, e.g. <c>cifar10-mlp-vs-cnn</c>.</param>
/// <param name="Profiles">Training profiles by name (e.g. <c>quick</c> for CPU, <c>full</c> for GPU).</param>
/// <param name="Criteria">The rubric, in authored order.</param>
/// <param name="SubmissionLimits">Optional rate limits on submissions.</param>
public sealed record ExerciseDefinition(
    string Id,
    int Version,
    string Title,
    string Lesson,
    int Xp,
    string Grader,
    IReadOnlyDictionary<string, ExerciseProfile> Profiles,
    IReadOnlyList<CriterionDefinition> Criteria,
    SubmissionLimits? SubmissionLimits)
{
    /// <summary>The named profile, or an <see cref="ArgumentException"/> that lists the ones that exist.</summary>
    public ExerciseProfile GetProfile(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Profiles.TryGetValue(name, out var profile))
        {
            return profile;
        }

        throw new ArgumentException(
            $"Exercise '{Id}' has no profile '{name}'; available: {string.Join(", ", Profiles.Keys)}.", nameof(name));
    }

    /// <summary>Whether every criterion has a threshold for <paramref name="dataset"/>.</summary>
    public bool SupportsDataset(string dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return ExerciseDatasets.IsKnown(dataset) && Criteria.All(c => c.Threshold.TryGetFor(dataset, out _));
    }
}
