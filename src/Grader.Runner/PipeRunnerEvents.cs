using Google.Protobuf;
using Grader.Contracts.Runner.V1;
using Grader.Training.Grading;

namespace Grader.Runner;

/// <summary>
/// Writes length-delimited <see cref="RunnerEvent"/> messages to the protocol pipe, flushing after each
/// so the host sees progress as it happens. Thread-safe: a grader may report from any thread.
/// </summary>
internal sealed class PipeRunnerEvents : IRunnerEvents, IDisposable
{
    private readonly Stream stream;
    private readonly Lock gate = new();
    private bool finished;
    private volatile bool hasStarted;

    public PipeRunnerEvents(Stream stream) => this.stream = stream;

    /// <summary>
    /// Whether Started has been written. Graders send it right before the learner's code first runs, so from
    /// then on the process holds learner state and a failure may be the learner's doing.
    /// </summary>
    public bool HasStarted => hasStarted;

    public void Started(Started started)
    {
        Write(new RunnerEvent { Started = started }, final: false);
        hasStarted = true;
    }

    public void EpochCompleted(EpochCompleted epoch) => Write(new RunnerEvent { EpochCompleted = epoch }, final: false);

    public void Completed(RunCompleted completed) => Write(new RunnerEvent { Completed = completed }, final: true);

    public void Failed(RunFailed failed) => Write(new RunnerEvent { Failed = failed }, final: true);

    public void Dispose() => stream.Dispose();

    private void Write(RunnerEvent runnerEvent, bool final)
    {
        lock (gate)
        {
            // The protocol allows nothing after the final event; a grader reporting late is a bug.
            if (finished)
            {
                throw new InvalidOperationException("An event was reported after the final event.");
            }

            runnerEvent.WriteDelimitedTo(stream);
            stream.Flush();
            finished = final;
        }
    }
}
