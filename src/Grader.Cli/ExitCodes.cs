namespace Grader.Cli;

/// <summary>0 whenever grading completed, passed or failed; non-zero only when it could not.</summary>
public static class ExitCodes
{
    public const int Graded = 0;
    public const int PlatformError = 1;
    public const int Usage = 2;
}
