using System.Diagnostics;

namespace Grader.Bench.Service;

/// <summary>Runs one call in a loop on each of N clients at once and records every call's latency.</summary>
internal static class LoadRun
{
    /// <summary>Each client makes <paramref name="callsPerClient"/> calls; returns (wall seconds, sorted latencies in ms).</summary>
    public static async Task<(double Seconds, double[] LatenciesMs)> FixedCountAsync(int clients, int callsPerClient, Func<int, int, Task> call)
    {
        var latencies = new double[clients * callsPerClient];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            for (var i = 0; i < callsPerClient; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await call(client, i);
                latencies[(client * callsPerClient) + i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return (seconds, latencies);
    }

    /// <summary>Calls per second over <paramref name="duration"/> with <paramref name="clients"/> concurrent loops.</summary>
    public static async Task<double> ThroughputAsync(int clients, TimeSpan duration, Func<int, Task> call)
    {
        long calls = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                await call(client);
                Interlocked.Increment(ref calls);
            }
        })));
        return calls / clock.Elapsed.TotalSeconds;
    }

    public static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
