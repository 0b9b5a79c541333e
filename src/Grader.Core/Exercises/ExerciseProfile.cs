namespace Grader.Core.Exercises;

/// <summary>One way to run the exercise: which data, which device, which recipe, which limits.</summary>
/// <param name="Name">Profile name, e.g. <c>quick</c> or <c>full</c>.</param>
/// <param name="Dataset">The dataset used unless the caller picks another (see <see cref="ExerciseDatasets"/>).</param>
/// <param name="Device">Where training should run.</param>
/// <param name="Recipe">The fixed training recipe.</param>
/// <param name="Limits">Sandbox limits for the whole run.</param>
public sealed record ExerciseProfile(
    string Name,
    string Dataset,
    DevicePreference Device,
    TrainingRecipe Recipe,
    RunLimits Limits);
