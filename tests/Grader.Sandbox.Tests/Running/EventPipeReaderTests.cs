using Google.Protobuf;
using Grader.Contracts.Runner.V1;
using Grader.Sandbox.Running;

namespace Grader.Sandbox.Tests.Running;

/// <summary>The host's side of the protocol against hand-written byte streams on a real FIFO.</summary>
public sealed class EventPipeReaderTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly string directory = Directory.CreateTempSubdirectory("grader-pipe-tests-").FullName;

    private string PipePath => Path.Combine(directory, "events.pipe");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Read_StartedEpochCompleted_FinalIsCompletedAndEveryEventReported()
    {
        var seen = new List<RunnerEvent>();
        var result = await ReadAsync(
            seen,
            Delimited(new RunnerEvent { Started = new Started { Device = "cpu" } }),
            Delimited(new RunnerEvent { EpochCompleted = new EpochCompleted { Model = "mlp", Epoch = 1 } }),
            Delimited(new RunnerEvent { Completed = new RunCompleted { Measurements = { ["x"] = 1 } } }));

        Assert.Null(result.Violation);
        Assert.Equal(1, result.Final!.Completed.Measurements["x"]);
        Assert.Equal(3, seen.Count);
    }

    [Fact]
    public async Task Read_TwoFinalEvents_Violation()
    {
        var result = await ReadAsync(
            [],
            Delimited(new RunnerEvent { Failed = new RunFailed { Reason = "model_error" } }),
            Delimited(new RunnerEvent { Completed = new RunCompleted() }));

        Assert.Contains("after the final event", result.Violation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_LengthPrefixOverLimit_ViolationWithoutAllocating()
    {
        // 0x80 0x80 0x80 0x10 = 32 MiB, over the 16 MiB limit.
        var result = await ReadAsync([], [0x80, 0x80, 0x80, 0x10]);

        Assert.Contains("exceeds", result.Violation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_Garbage_Violation()
    {
        var result = await ReadAsync([], [0x03, 0xFF, 0xFF, 0xFF]);

        Assert.NotNull(result.Violation);
    }

    [Fact]
    public async Task Read_EmptyEvent_Violation()
    {
        var result = await ReadAsync([], Delimited(new RunnerEvent()));

        Assert.Equal("an event with no content", result.Violation);
    }

    [Fact]
    public async Task Read_WriterStopsMidMessage_EndedMidMessage()
    {
        var whole = Delimited(new RunnerEvent { Started = new Started { Device = "cpu", Dataset = "synthetic" } });

        var result = await ReadAsync([], whole[..^3]);

        Assert.True(result.EndedMidMessage);
        Assert.Null(result.Final);
    }

    [Fact]
    public async Task FinishAfterExitAsync_WriterNeverOpened_EndsWithNoEvents()
    {
        Fifo.Create(PipePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var reader = EventPipeReader.Start(PipePath, _ => { });

        var result = await reader.FinishAfterExitAsync(Wait, TimeProvider.System);

        Assert.NotNull(result);
        Assert.Null(result.Final);
        Assert.Null(result.Violation);
    }

    private async Task<EventPipeResult> ReadAsync(List<RunnerEvent> seen, params byte[][] chunks)
    {
        Fifo.Create(PipePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var reader = EventPipeReader.Start(PipePath, e => seen.Add(e));
        await using (var writer = new FileStream(PipePath, FileMode.Open, FileAccess.Write))
        {
            foreach (var chunk in chunks)
            {
                await writer.WriteAsync(chunk);
                await writer.FlushAsync();
            }
        }

        return await reader.Completion.WaitAsync(Wait);
    }

    private static byte[] Delimited(RunnerEvent runnerEvent)
    {
        using var stream = new MemoryStream();
        runnerEvent.WriteDelimitedTo(stream);
        return stream.ToArray();
    }
}
