using System.Reflection;
using Google.Protobuf;
using Grader.Contracts.Runner.V1;
using Grader.Training.Grading;

namespace Grader.Runner;

/// <summary>
/// Reads the job, opens the protocol pipe, loads the learner's assembly and runs the exercise grader.
/// Every learner outcome ends with exactly one final event and exit code 0; a platform fault ends
/// with <see cref="RunnerExitCodes.PlatformFault"/> and a one-line reason on stderr.
/// </summary>
internal static class RunnerHost
{
    public static int Run(IReadOnlyList<string> args, GraderRegistry registry, TextWriter error)
    {
        var arguments = RunnerArguments.TryParse(args, out var usage);
        if (arguments is null)
        {
            error.WriteLine(usage);
            return RunnerExitCodes.Usage;
        }

        if (!TryReadJob(arguments.JobDirectory, out var job, out var reason)
            || !TryFindGrader(registry, job, out var grader, out reason))
        {
            return PlatformFault(error, reason);
        }

        PipeRunnerEvents events;
        try
        {
            // Blocks until the host has the other end open for reading; the host opens it first.
            var pipe = new FileStream(Path.Combine(arguments.JobDirectory, JobFiles.Events), FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            events = new PipeRunnerEvents(pipe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return PlatformFault(error, $"cannot open the event pipe: {e.Message}");
        }

        using (events)
        {
            Assembly learner;
            try
            {
                learner = LearnerLoadContext.Load(Path.Combine(arguments.JobDirectory, job.AssemblyFile));
            }
            catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
            {
                // The host compiled this assembly; failing to load it is not the learner's doing.
                return PlatformFault(error, $"cannot load the learner assembly: {e.Message}");
            }

            return RunGrader(grader, learner, job, events, error);
        }
    }

    private static int RunGrader(IExerciseGrader grader, Assembly learner, RunJob job, PipeRunnerEvents events, TextWriter error)
    {
        RunCompleted completed;
        try
        {
            // Nothing inside the sandbox cancels a run: the host enforces the wall clock by killing us.
            completed = grader.Run(learner, job, events, CancellationToken.None);
        }
        catch (Exception e) when (LearnerFailureClassifier.TryClassify(e, learner, events.HasStarted, out var failed))
        {
            return Finish(() => events.Failed(failed), error);
        }
        catch (Exception e)
        {
            return PlatformFault(error, $"grader '{grader.Id}' failed: {LearnerFailureClassifier.Describe(e)}{Environment.NewLine}{e.StackTrace}");
        }

        return Finish(() => events.Completed(completed), error);
    }

    private static int Finish(Action writeFinalEvent, TextWriter error)
    {
        try
        {
            writeFinalEvent();
            return RunnerExitCodes.Success;
        }
        catch (IOException e)
        {
            return PlatformFault(error, $"cannot write the final event: {e.Message}");
        }
    }

    private static bool TryReadJob(string directory, out RunJob job, out string reason)
    {
        job = new RunJob();
        try
        {
            job = RunJob.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(directory, JobFiles.Job)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidProtocolBufferException)
        {
            reason = $"cannot read {JobFiles.Job}: {e.Message}";
            return false;
        }

        if (string.IsNullOrEmpty(job.AssemblyFile) || Path.GetFileName(job.AssemblyFile) != job.AssemblyFile)
        {
            reason = $"assembly_file must be a plain file name in the job directory, got '{job.AssemblyFile}'";
            return false;
        }

        reason = string.Empty;
        return true;
    }

    private static bool TryFindGrader(GraderRegistry registry, RunJob job, out IExerciseGrader grader, out string reason)
    {
        if (registry.TryGet(job.Grader, out grader))
        {
            reason = string.Empty;
            return true;
        }

        reason = $"unknown grader '{job.Grader}'; this runner hosts: {string.Join(", ", registry.Ids)}";
        return false;
    }

    private static int PlatformFault(TextWriter error, string reason)
    {
        error.WriteLine($"Grader.Runner: {reason}");
        error.Flush();
        return RunnerExitCodes.PlatformFault;
    }
}
