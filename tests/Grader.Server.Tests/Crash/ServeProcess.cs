using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grader.Server.Tests.Hosting;

namespace Grader.Server.Tests.Crash;

/// <summary>The real <c>grader serve</c> as a child process, so a test can SIGKILL it like a power cut would.</summary>
public sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServeProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Starts <c>grader serve</c> on <paramref name="port"/> and waits until gRPC health says SERVING.</summary>
    public static async Task<ServeProcess> StartAsync(string dataDirectory, int port)
    {
        var start = Grader("serve", "--data-dir", dataDirectory, "--content", TestPaths.Content,
            "--listen", $"127.0.0.1:{port}", "--dashboard-listen", "127.0.0.1:0");
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var serve = new ServeProcess(Process.Start(start)!);
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var health = new Health.HealthClient(channel);
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            if (serve._process.HasExited) throw new InvalidOperationException($"grader serve exited with {serve._process.ExitCode}:\n{serve.Output}");
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(bound.Token);
                attempt.CancelAfter(TimeSpan.FromSeconds(2));
                var status = await health.CheckAsync(new HealthCheckRequest(), cancellationToken: attempt.Token);
                if (status.Status == HealthCheckResponse.Types.ServingStatus.Serving) return serve;
            }
            catch (Grpc.Core.RpcException) when (!bound.IsCancellationRequested)
            {
                // Not listening yet.
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), bound.Token);
        }
    }

    /// <summary>Runs a short <c>grader</c> command to completion; returns its standard output.</summary>
    public static async Task<string> RunAsync(params string[] args)
    {
        var start = Grader(args);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(bound.Token);
        return process.ExitCode == 0
            ? await stdout
            : throw new InvalidOperationException($"grader {string.Join(' ', args)} exited with {process.ExitCode}: {await stderr}");
    }

    /// <summary>SIGKILL: no shutdown hook, no requeue, the sandboxed runner dies with it.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    private static ProcessStartInfo Grader(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = TestPaths.RepositoryRoot };
        start.ArgumentList.Add(TestPaths.GraderDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return start;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
