namespace Grader.Runner;

/// <summary>Entry point of the sandboxed runner: <c>Grader.Runner --job &lt;dir&gt;</c>.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var exitCode = RunnerHost.Run(args, GraderRegistry.CreateDefault(), Console.Error);

        // Exit explicitly so that a thread left behind by learner code cannot keep the process alive
        // after the final event has been written.
        Environment.Exit(exitCode);
        return exitCode;
    }
}
