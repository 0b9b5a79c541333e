using Grader.Data;
using System.CommandLine;
using Grader.Cli.Configuration;
using Grader.Cli.Database;
using Grader.Core.Access;
using Grader.Core.Courses;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Cli.Keys;

/// <summary><c>grader courses create|list</c>: course runs, which keys are bound to (operator command, on the database directly).</summary>
public static class CoursesCommand
{
    public static Command Create()
    {
        var dataDir = new Option<string?>("--data-dir") { Description = "Data folder (default: Data:Directory)", Recursive = true };
        var command = new Command("courses", "Create and list courses") { dataDir };

        var id = new Argument<string>("id") { Description = "Course id: lower-case letters, digits and '-'" };
        var title = new Option<string?>("--title") { Description = "Display title (default: the id)" };
        var create = new Command("create", "Create a course (does nothing if it exists)") { id, title };
        create.SetAction(async (parse, cancellationToken) =>
        {
            await using var data = await OpenAsync(parse, dataDir, cancellationToken);
            var courseId = parse.GetValue(id)!;
            var course = await KeysCommand.Refusals(() => data.GetRequiredService<CourseService>()
                .CreateCourseAsync(Principal.LocalOperator, courseId, parse.GetValue(title) ?? courseId, cancellationToken));
            await Console.Out.WriteLineAsync($"courses/{course.Id}: {course.Title}");
            return ExitCodes.Graded;
        });

        var list = new Command("list", "List courses");
        list.SetAction(async (parse, cancellationToken) =>
        {
            await using var data = await OpenAsync(parse, dataDir, cancellationToken);
            foreach (var course in await data.GetRequiredService<CourseService>().ListCoursesAsync(Principal.LocalOperator, cancellationToken))
                await Console.Out.WriteLineAsync($"courses/{course.Id}: {course.Title}");
            return ExitCodes.Graded;
        });
        command.Subcommands.Add(create);
        command.Subcommands.Add(list);
        return command;
    }

    private static Task<ServiceProvider> OpenAsync(ParseResult parse, Option<string?> dataDir, CancellationToken cancellationToken)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(dataDir) is { } d) overrides[$"{DataOptions.SectionName}:Directory"] = d;
        return LocalData.OpenAsync(CliHost.BuildConfiguration(overrides), cancellationToken);
    }
}
