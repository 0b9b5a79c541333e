using Google.Protobuf;
using Grader.Contracts.Runner.V1;

namespace Grader.Sandbox.Running;

/// <summary>
/// Reads length-delimited <see cref="RunnerEvent"/> messages from the job's FIFO on a dedicated thread.
/// Everything the runner writes is untrusted: sizes are checked before allocating, and anything outside
/// the protocol (garbage, a second final event, an empty event) ends reading with a violation.
/// </summary>
internal sealed class EventPipeReader
{
    /// <summary>No legitimate event comes near this; a larger length prefix is garbage or an attack.</summary>
    public const int MaxMessageBytes = 16 * 1024 * 1024;

    private const int MaxLengthPrefixBytes = 5;

    private readonly string path;
    private readonly Action<RunnerEvent> onEvent;
    private readonly TaskCompletionSource settled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool opened;

    private EventPipeReader(string path, Action<RunnerEvent> onEvent)
    {
        this.path = path;
        this.onEvent = onEvent;
    }

    /// <summary>Completes when reading ends: end of stream after the writer closed, or a violation.</summary>
    public Task<EventPipeResult> Completion { get; private set; } = null!;

    /// <summary>Whether the pipe has been opened from both ends (normally: the runner has started the job).</summary>
    public bool Opened => opened;

    /// <summary>
    /// Completes as soon as the outcome is known: a final event, a violation, or the end of the stream.
    /// Only a final event settles before <see cref="Completion"/>; a violation settles through it, so
    /// whoever sees this complete can already read the violation.
    /// </summary>
    public Task Settled => settled.Task;

    /// <summary>Starts reading; the open blocks (on its own thread) until the runner opens the write end.</summary>
    public static EventPipeReader Start(string path, Action<RunnerEvent> onEvent)
    {
        var reader = new EventPipeReader(path, onEvent);
        reader.Completion = Task.Factory.StartNew(reader.Read, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        _ = reader.Completion.ContinueWith(_ => reader.settled.TrySetResult(), TaskScheduler.Default);
        return reader;
    }

    /// <summary>
    /// After the runner has exited: if it died before opening its end, our reader is still blocked in
    /// open(), so poke it until it sees end-of-stream. Returns null if reading did not end within
    /// <paramref name="grace"/> (a stray process still holds the write end).
    /// </summary>
    public async Task<EventPipeResult?> FinishAfterExitAsync(TimeSpan grace, TimeProvider time)
    {
        var started = time.GetTimestamp();
        while (!Completion.IsCompleted && time.GetElapsedTime(started) < grace)
        {
            if (!opened)
            {
                Fifo.TryPokeReader(path);
            }

            await Task.WhenAny(Completion, Task.Delay(TimeSpan.FromMilliseconds(20), time)).ConfigureAwait(false);
        }

        return Completion.IsCompleted ? await Completion.ConfigureAwait(false) : null;
    }

    private EventPipeResult Read()
    {
        RunnerEvent? final = null;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            opened = true;
            while (true)
            {
                var length = ReadLength(stream, out var atEnd, out var violation);
                if (violation is not null)
                {
                    return new EventPipeResult(final, violation, false);
                }

                if (atEnd)
                {
                    return new EventPipeResult(final, null, false);
                }

                var body = new byte[length];
                stream.ReadExactly(body);
                RunnerEvent runnerEvent;
                try
                {
                    runnerEvent = RunnerEvent.Parser.ParseFrom(body);
                }
                catch (InvalidProtocolBufferException e)
                {
                    return new EventPipeResult(final, $"unparseable event ({length} bytes): {e.Message}", false);
                }

                if (runnerEvent.EventCase == RunnerEvent.EventOneofCase.None)
                {
                    return new EventPipeResult(final, "an event with no content", false);
                }

                if (final is not null)
                {
                    return new EventPipeResult(final, $"a {runnerEvent.EventCase} event after the final event", false);
                }

                onEvent(runnerEvent);
                if (runnerEvent.EventCase is RunnerEvent.EventOneofCase.Completed or RunnerEvent.EventOneofCase.Failed)
                {
                    final = runnerEvent;
                    settled.TrySetResult();
                }
            }
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            return new EventPipeResult(final, null, true);
        }
    }

    /// <summary>Reads a base-128 varint length prefix; a clean end of stream before it is not an error.</summary>
    private static int ReadLength(Stream stream, out bool atEnd, out string? violation)
    {
        ulong value = 0;
        atEnd = false;
        violation = null;
        for (var i = 0; i < MaxLengthPrefixBytes; i++)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                if (i == 0)
                {
                    atEnd = true;
                    return 0;
                }

                throw new EndOfStreamException("the stream ended inside a length prefix");
            }

            value |= (ulong)(b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                if (value > MaxMessageBytes)
                {
                    violation = $"an event of {value} bytes exceeds the {MaxMessageBytes}-byte limit";
                    return 0;
                }

                return (int)value;
            }
        }

        violation = "a malformed length prefix";
        return 0;
    }
}
