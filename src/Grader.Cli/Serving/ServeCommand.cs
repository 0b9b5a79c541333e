using Grader.Data;
using Grader.Data.Content;
using System.CommandLine;
using Grader.Cli.Configuration;
using Grader.Server;
using Grader.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Grader.Cli.Serving;

/// <summary><c>grader serve</c>: the gRPC API, the grading jobs and the dashboard, in one process by default.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var role = new Option<string?>("--role") { Description = "all (default): API, jobs and dashboard; api: API and dashboard; worker: jobs only" };
        role.AcceptOnlyFromAmong("all", "api", "worker");
        var listen = new Option<string?>("--listen") { Description = "host:port to listen on (default: Server:Listen, 127.0.0.1:5080)" };
        var dashboardListen = new Option<string?>("--dashboard-listen") { Description = "host:port of the dashboard (default: Server:DashboardListen, 127.0.0.1:5081)" };
        var workers = new Option<int?>("--workers") { Description = "Grading jobs run at once by this process (default 1)" };
        var dataDir = new Option<string?>("--data-dir") { Description = "Data folder: SQLite databases and datasets (default: Data:Directory)" };
        var content = new Option<string?>("--content") { Description = "Content folder (default: the nearest ./content)" };
        var command = new Command("serve", "Run the grading service: gRPC API, Hangfire jobs and dashboard") { role, listen, dashboardListen, workers, dataDir, content };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(role) is { } r) overrides[$"{ServerOptions.SectionName}:Role"] = r;
            if (parse.GetValue(listen) is { } l) overrides[$"{ServerOptions.SectionName}:Listen"] = l;
            if (parse.GetValue(dashboardListen) is { } dl) overrides[$"{ServerOptions.SectionName}:DashboardListen"] = dl;
            if (parse.GetValue(workers) is { } w) overrides[$"{ServerOptions.SectionName}:Workers"] = w.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (parse.GetValue(dataDir) is { } d) overrides[$"{DataOptions.SectionName}:Directory"] = d;
            if (parse.GetValue(content) is { } c) overrides[$"{ContentOptions.SectionName}:Root"] = c;
            var configuration = CliHost.BuildConfiguration(overrides);

            await using var app = ServerStart.Create(configuration);
            await ServerStart.StartAsync(app, cancellationToken);
            var options = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value;
            var address = app.Address();
            await Console.Out.WriteLineAsync($"grader: serving ({options.Role.ToString().ToLowerInvariant()}) on {address} · data {configuration[$"{DataOptions.SectionName}:Directory"]}");
            if (app.DashboardAddress() is { } dashboard)
                await Console.Out.WriteLineAsync($"grader: dashboard at {dashboard.ToString().TrimEnd('/')}{options.DashboardPath}?key=<admin key>");
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Graded;
        });
        return command;
    }
}
