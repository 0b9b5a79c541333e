using System.CommandLine;
using Grader.Cli;
using Grader.Cli.Datasets;
using Grader.Cli.Grading;

var root = new RootCommand("grader: autograding for machine-learning exercises")
{
    GradeCommand.Create(),
    DatasetsCommand.Create(),
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
