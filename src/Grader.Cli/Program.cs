using System.CommandLine;
using Grader.Cli;
using Grader.Cli.Database;
using Grader.Cli.Datasets;
using Grader.Cli.Demo;
using Grader.Cli.Grading;
using Grader.Cli.Keys;
using Grader.Cli.Serving;
using Grader.Cli.Submitting;

var root = new RootCommand("grader: autograding for machine-learning exercises")
{
    GradeCommand.Create(),
    DatasetsCommand.Create(),
    ServeCommand.Create(),
    SubmitCommand.Create(),
    ProgressCommand.Create(),
    KeysCommand.Create(),
    CoursesCommand.Create(),
    MigrateCommand.Create(),
    DemoCommand.Create(),
};
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (CliException ex)
{
    await Console.Error.WriteLineAsync($"grader: {ex.Message}");
    return ex.ExitCode;
}
catch (OperationCanceledException)
{
    await Console.Error.WriteLineAsync("grader: cancelled");
    return ExitCodes.PlatformError;
}
