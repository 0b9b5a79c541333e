namespace Grader.Core.Exercises;

/// <summary>Sandbox limits for one grading run (both models, start-up included).</summary>
/// <param name="WallClockSeconds">Wall-clock limit for the runner process.</param>
/// <param name="MemoryMb">Memory cap for the runner process, in MiB.</param>
public sealed record RunLimits(int WallClockSeconds, int MemoryMb)
{
    /// <summary>The wall-clock limit as a span.</summary>
    public TimeSpan WallClock => TimeSpan.FromSeconds(WallClockSeconds);
}
