namespace Grader.Training.Tests.Training;

/// <summary>
/// The trainer's tests run on their own, after the parallel ones: one of them counts live tensors, a number every
/// test in the process moves.
/// </summary>
[CollectionDefinition(nameof(TrainerTests), DisableParallelization = true)]
public sealed class TrainerCollection;
