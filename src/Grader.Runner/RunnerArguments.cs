namespace Grader.Runner;

/// <summary>The runner's command line: <c>--job &lt;dir&gt;</c>.</summary>
internal sealed record RunnerArguments(string JobDirectory)
{
    public static RunnerArguments? TryParse(IReadOnlyList<string> args, out string error)
    {
        if (args.Count == 2 && args[0] == "--job" && !string.IsNullOrWhiteSpace(args[1]))
        {
            error = string.Empty;
            return new RunnerArguments(args[1]);
        }

        error = "usage: Grader.Runner --job <directory>";
        return null;
    }
}
