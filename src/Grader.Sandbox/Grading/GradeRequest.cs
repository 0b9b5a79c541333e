using Grader.Core.Exercises;
using Grader.Sandbox.Compilation;

namespace Grader.Sandbox.Grading;

/// <summary>One submission to grade: the learner's sources, the exercise and how to run it.</summary>
/// <param name="DatasetDirectory">Where the named dataset's files are (cifar10 only); mounted read-only.</param>
public sealed record GradeRequest(
    ExerciseDefinition Exercise,
    string Profile,
    string Dataset,
    IReadOnlyList<SourceFile> Sources,
    ulong Seed,
    string? DatasetDirectory = null);
