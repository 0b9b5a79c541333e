using Grader.Data;
using System.CommandLine;
using Grader.Cli.Configuration;
using Grader.Data.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Cli.Database;

/// <summary><c>grader migrate</c>: applies pending schema migrations (the server also does at start unless Database:MigrateOnStart is false).</summary>
public static class MigrateCommand
{
    public static Command Create()
    {
        var dataDir = new Option<string?>("--data-dir") { Description = "Data folder holding the SQLite database (default: Data:Directory)" };
        var command = new Command("migrate", "Apply pending database migrations") { dataDir };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(dataDir) is { } d) overrides[$"{DataOptions.SectionName}:Directory"] = d;
            var configuration = CliHost.BuildConfiguration(overrides);
            await using var provider = LocalData.Build(configuration);
            var applied = await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            await Console.Out.WriteLineAsync(applied.Count == 0
                ? "grader: the database is up to date"
                : $"grader: applied {applied.Count} migration(s): {string.Join(", ", applied)}");
            return ExitCodes.Graded;
        });
        return command;
    }
}
