namespace Grader.Cli;

/// <summary>Bad usage or an environment problem, reported as one line and a non-zero exit code.</summary>
public sealed class CliException : Exception
{
    public CliException(string message, int exitCode = ExitCodes.Usage) : base(message) => ExitCode = exitCode;

    public CliException() : this("command failed") { }

    public CliException(string message, Exception inner) : base(message, inner) => ExitCode = ExitCodes.Usage;

    public int ExitCode { get; }
}
