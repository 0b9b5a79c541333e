using System.Text;

namespace Grader.Sandbox.Running;

/// <summary>
/// Drains one of the child's output streams to its end, keeping the first <c>cap</c> bytes. Draining
/// continues past the cap so the child never blocks on a full pipe; past <c>limit</c> it signals.
/// </summary>
internal sealed class CappedOutput
{
    private readonly byte[] kept;
    private readonly int cap;
    private readonly long limit;
    private readonly TaskCompletionSource limitExceeded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int keptCount;
    private long total;

    private CappedOutput(int cap, long limit)
    {
        this.cap = cap;
        this.limit = limit;
        kept = new byte[cap];
    }

    public Task Drained { get; private set; } = Task.CompletedTask;

    /// <summary>Completes when the stream passed the output limit; never completes otherwise.</summary>
    public Task LimitExceeded => limitExceeded.Task;

    public bool Truncated => Interlocked.Read(ref total) > cap;

    public static CappedOutput Start(Stream source, int cap, long limit)
    {
        var output = new CappedOutput(cap, limit);
        output.Drained = Task.Run(() => output.DrainAsync(source));
        return output;
    }

    /// <summary>The kept text; call after <see cref="Drained"/> (or after giving up on it).</summary>
    public string Text()
    {
        string text;
        lock (kept)
        {
            text = Encoding.UTF8.GetString(kept, 0, keptCount);
        }

        return Truncated ? text + (text.EndsWith('\n') ? string.Empty : "\n") + "[truncated]" : text;
    }

    private async Task DrainAsync(Stream source)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                var before = Interlocked.Add(ref total, read) - read;
                if (before < cap)
                {
                    lock (kept)
                    {
                        var count = (int)Math.Min(read, cap - before);
                        Array.Copy(buffer, 0, kept, keptCount, count);
                        keptCount += count;
                    }
                }

                if (before + read > limit)
                {
                    limitExceeded.TrySetResult();
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process was killed or the stream closed under us: what was kept is all there is.
        }
    }

    /// <summary>Both streams as one log text, each under its own heading; empty streams are left out.</summary>
    public static string Combine(CappedOutput stdout, CappedOutput stderr)
    {
        var builder = new StringBuilder();
        Append(builder, "stdout", stdout.Text());
        Append(builder, "stderr", stderr.Text());
        return builder.ToString();

        static void Append(StringBuilder builder, string name, string text)
        {
            if (text.Length == 0)
            {
                return;
            }

            builder.Append("--- ").Append(name).Append(" ---\n").Append(text);
            if (!text.EndsWith('\n'))
            {
                builder.Append('\n');
            }
        }
    }
}
