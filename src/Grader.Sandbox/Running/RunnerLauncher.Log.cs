using Microsoft.Extensions.Logging;

namespace Grader.Sandbox.Running;

public sealed partial class RunnerLauncher
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Starting runner in {JobDirectory} through {Program} (wall clock {WallClock})")]
        public static partial void Starting(ILogger logger, string jobDirectory, string program, TimeSpan wallClock);

        [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Warning}. Never run like this on a shared or production host.")]
        public static partial void Unprotected(ILogger logger, string warning);

        [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Runner finished: {Kind} after {Elapsed} (exit code {ExitCode})")]
        public static partial void Finished(ILogger logger, RunnerOutcomeKind kind, TimeSpan elapsed, int? exitCode);

        [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Runner platform error: {Reason}")]
        public static partial void PlatformError(ILogger logger, string reason);

        [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Could not delete job directory {JobDirectory}")]
        public static partial void DeleteFailed(ILogger logger, string jobDirectory, Exception exception);

        [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "A process outside the runner still holds the event pipe or output of {JobDirectory} open; stopped waiting for it")]
        public static partial void StrayWriter(ILogger logger, string jobDirectory);
    }
}
