using System.Reflection;
using Grader.Contracts.Runner.V1;

namespace Grader.Training.Grading;

/// <summary>
/// An exercise family's grader, hosted by Grader.Runner inside the sandbox. It builds the learner's
/// models from <paramref name="learner"/>, trains and measures them, reports progress through
/// <see cref="IRunnerEvents"/>, and returns the measurements the rubric is evaluated on.
/// A learner's mistake is thrown as <see cref="LearnerCodeException"/>; anything else is a platform fault.
/// </summary>
public interface IExerciseGrader
{
    /// <summary>The id exercise files name in their <c>grader</c> field.</summary>
    string Id { get; }

    RunCompleted Run(Assembly learner, RunJob job, IRunnerEvents events, CancellationToken cancellationToken);
}

/// <summary>Where a grader reports progress; the runner forwards each event over the protocol pipe.</summary>
public interface IRunnerEvents
{
    void Started(Started started);
    void EpochCompleted(EpochCompleted epoch);
}
