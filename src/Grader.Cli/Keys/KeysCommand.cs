using Grader.Data;
using System.CommandLine;
using System.Globalization;
using Grader.Cli.Configuration;
using Grader.Cli.Database;
using Grader.Core.Access;
using Grader.Core.Errors;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Grader.Cli.Keys;

/// <summary>
/// <c>grader keys create|list|revoke</c>: the operator's key management, straight on the data folder's database
/// (no server needed, and no key needed to make the first one).
/// </summary>
public static class KeysCommand
{
    public static Command Create()
    {
        var dataDir = new Option<string?>("--data-dir") { Description = "Data folder (default: Data:Directory)", Recursive = true };
        var command = new Command("keys", "Create, list and revoke API keys") { dataDir };
        command.Subcommands.Add(CreateKey(dataDir));
        command.Subcommands.Add(ListKeys(dataDir));
        command.Subcommands.Add(RevokeKey(dataDir));
        return command;
    }

    private static Command CreateKey(Option<string?> dataDir)
    {
        var role = new Option<string>("--role") { Description = "learner, instructor, lms or admin", Required = true };
        role.AcceptOnlyFromAmong("learner", "instructor", "lms", "admin");
        var course = new Option<string?>("--course") { Description = "The course the key is bound to (not for admin keys)" };
        var learner = new Option<string?>("--learner") { Description = "The learner a learner key acts as (enrolled in the course)" };
        var label = new Option<string>("--label") { Description = "Free text to recognise the key by", DefaultValueFactory = _ => "" };
        var command = new Command("create", "Create a key; prints it once (only its hash is stored)") { role, course, learner, label };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var data = await OpenAsync(parse, dataDir, cancellationToken);
            var created = await Refusals(() => data.GetRequiredService<KeyService>().CreateAsync(
                Enum.Parse<Role>(parse.GetValue(role)!, ignoreCase: true), parse.GetValue(course), parse.GetValue(learner), parse.GetValue(label)!, cancellationToken));
            await Console.Out.WriteLineAsync(created.Plaintext);
            await Console.Error.WriteLineAsync($"grader: created {Describe(created.Key)}; the key above is shown only now");
            return ExitCodes.Graded;
        });
        return command;
    }

    private static Command ListKeys(Option<string?> dataDir)
    {
        var course = new Option<string?>("--course") { Description = "Only keys bound to this course" };
        var command = new Command("list", "List keys (never their secrets)") { course };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var data = await OpenAsync(parse, dataDir, cancellationToken);
            var keys = await data.GetRequiredService<KeyService>().ListAsync(parse.GetValue(course), cancellationToken);
            var table = new Table().Border(TableBorder.Rounded).AddColumn("Key").AddColumn("Role").AddColumn("Course").AddColumn("Learner").AddColumn("Label").AddColumn("Created").AddColumn("Revoked");
            foreach (var k in keys)
            {
                table.AddRow(
                    new Text(k.Prefix), new Text(k.Role.ToString().ToLowerInvariant()), new Text(k.CourseId), new Text(k.LearnerId ?? ""), new Text(k.Label),
                    new Text(k.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
                    new Text(k.RevokedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? ""));
            }
            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) }).Write(table);
            return ExitCodes.Graded;
        });
        return command;
    }

    private static Command RevokeKey(Option<string?> dataDir)
    {
        var key = new Argument<string>("key") { Description = "The key's id, its displayed prefix (grd_…) or the whole key" };
        var command = new Command("revoke", "Revoke a key at once") { key };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var data = await OpenAsync(parse, dataDir, cancellationToken);
            var revoked = await Refusals(() => data.GetRequiredService<KeyService>().RevokeAsync(parse.GetValue(key)!, cancellationToken));
            await Console.Out.WriteLineAsync($"grader: revoked {Describe(revoked)}");
            return ExitCodes.Graded;
        });
        return command;
    }

    private static string Describe(ApiKey key) =>
        $"{key.Role.ToString().ToLowerInvariant()} key {key.Prefix} (course {key.CourseId}{(key.LearnerId is null ? "" : $", learner {key.LearnerId}")})";

    private static Task<ServiceProvider> OpenAsync(ParseResult parse, Option<string?> dataDir, CancellationToken cancellationToken)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(dataDir) is { } d) overrides[$"{DataOptions.SectionName}:Directory"] = d;
        return LocalData.OpenAsync(CliHost.BuildConfiguration(overrides), cancellationToken);
    }

    /// <summary>The use cases' refusals (bad id, unknown course) are the operator's usage errors.</summary>
    internal static async Task<T> Refusals<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (GraderException ex)
        {
            throw new CliException(ex.Message);
        }
    }
}
