using System.Globalization;
using Google.Protobuf;
using Grader.Cli.Client;
using Grader.Cli.Configuration;
using Grader.Contracts.V1;
using Grader.Core.Access;
using Grader.Server;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Bench.Service;

/// <summary>
/// <c>dotnet run -c Release --project bench/Grader.Bench -- --service</c>: the gRPC service's figures. The server
/// runs in this process as <c>--role api</c> (jobs are queued, not run: this measures acceptance) on SQLite in a
/// temporary folder, with a copy of lesson 01 without submission limits, and a bare echo service beside the API.
/// </summary>
internal static class ServiceBench
{
    private const int Clients = 50;
    private const int CreatesPerClient = 40;
    private static readonly TimeSpan ReadDuration = TimeSpan.FromSeconds(8);

    public static async Task<int> RunAsync(string root)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"grader-bench-{Guid.NewGuid():N}");
        try
        {
            var content = WriteContent(root, Path.Combine(folder, "content"));
            var configuration = CliHost.BuildConfiguration(new Dictionary<string, string?>
            {
                ["Data:Directory"] = Path.Combine(folder, "data"),
                ["Content:Root"] = content,
                ["Server:Role"] = "api",
                ["Server:Listen"] = "127.0.0.1:0",
                ["Server:DashboardListen"] = "",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            await using var app = GraderServerHost.Create(configuration);
            app.MapGrpcService<BareEchoService>();
            await app.StartAsync();
            return await MeasureAsync(app, root);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> MeasureAsync(WebApplication app, string root)
    {
        await app.Services.GetRequiredService<Core.Courses.CourseService>().CreateCourseAsync(Principal.LocalOperator, "bench", "Benchmark", CancellationToken.None);
        var keys = app.Services.GetRequiredService<KeyService>();
        var learnerKeys = new List<string>();
        for (var i = 0; i < Clients; i++)
            learnerKeys.Add((await keys.CreateAsync(Role.Learner, "bench", $"learner-{i}", "bench", CancellationToken.None)).Plaintext);
        var clients = learnerKeys.Select(k => new GraderClient(app.Address(), k)).ToList();
        // Readers all read learner-0's submission, so they present learner-0's key (each its own connection).
        var readers = learnerKeys.Select(_ => new GraderClient(app.Address(), learnerKeys[0])).ToList();
        var reference = await File.ReadAllBytesAsync(Path.Combine(root, "content/exercises/mlp-vs-cnn/reference/Solution.cs"));

        Task<CreateSubmissionResponse> CreateAsync(int client, string marker) => clients[client].Submissions.CreateSubmissionAsync(new CreateSubmissionRequest
        {
            Parent = "courses/bench/exercises/bench",
            // A distinct source per call: identical sources would be answered from the earlier submission.
            Submission = new Submission { Sources = { new SourceFile { Path = "Solution.cs", Content = ByteString.CopyFrom([.. reference, .. System.Text.Encoding.UTF8.GetBytes($"\n// {marker}\n")]) } } },
            RequestId = Guid.NewGuid().ToString(),
        }).ResponseAsync;

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; server in-process, role api, SQLite, {Clients} clients (one HTTP/2 connection each)");
        await LoadRun.FixedCountAsync(Clients, 4, (c, i) => CreateAsync(c, $"warm-up {c}.{i}"));
        var (seconds, latencies) = await LoadRun.FixedCountAsync(Clients, CreatesPerClient, (c, i) => CreateAsync(c, $"run {c}.{i}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CreateSubmission: {latencies.Length / seconds:0} accepted/s at {Clients} concurrent clients ({latencies.Length} calls in {seconds:0.0} s); latency p50 {LoadRun.Percentile(latencies, 0.50):0.0} ms, p99 {LoadRun.Percentile(latencies, 0.99):0.0} ms"));

        var name = (await CreateAsync(0, "read")).Submission.Name;
        using var bare = GrpcChannel.ForAddress(app.Address());
        var echo = new EchoService.EchoServiceClient(bare);
        await LoadRun.ThroughputAsync(Clients, TimeSpan.FromSeconds(2), async c => await readers[c].Submissions.GetSubmissionAsync(new GetSubmissionRequest { Name = name }));
        var gets = await LoadRun.ThroughputAsync(Clients, ReadDuration, async c => await readers[c].Submissions.GetSubmissionAsync(new GetSubmissionRequest { Name = name }));
        await LoadRun.ThroughputAsync(Clients, TimeSpan.FromSeconds(2), async _ => await echo.EchoAsync(new EchoRequest { Name = name }));
        var echoes = await LoadRun.ThroughputAsync(Clients, ReadDuration, async _ => await echo.EchoAsync(new EchoRequest { Name = name }));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GetSubmission: {gets:0} calls/s vs bare echo {echoes:0} calls/s in the same server = {gets / echoes:0.00} of the gRPC ceiling ({Clients} concurrent callers, {ReadDuration.TotalSeconds:0} s each)"));

        foreach (var client in clients.Concat(readers)) client.Dispose();
        return 0;
    }

    /// <summary>Lesson 01 as exercise "bench" without submission limits, and the real progression file.</summary>
    private static string WriteContent(string root, string folder)
    {
        var yaml = File.ReadAllText(Path.Combine(root, "content/exercises/mlp-vs-cnn/exercise.yaml"));
        var limits = yaml.IndexOf("\nsubmission_limits:", StringComparison.Ordinal);
        yaml = (limits >= 0 ? yaml[..limits] : yaml).Replace("id: mlp-vs-cnn", "id: bench", StringComparison.Ordinal);
        Directory.CreateDirectory(Path.Combine(folder, "exercises", "bench"));
        File.WriteAllText(Path.Combine(folder, "exercises", "bench", "exercise.yaml"), yaml + "\n");
        File.Copy(Path.Combine(root, "content", "progression.yaml"), Path.Combine(folder, "progression.yaml"));
        return folder;
    }
}
