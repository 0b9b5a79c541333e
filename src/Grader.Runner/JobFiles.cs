namespace Grader.Runner;

/// <summary>The fixed file names inside a job directory; the host writes the same names.</summary>
internal static class JobFiles
{
    public const string Job = "job.pb";
    public const string Events = "events.pipe";
}
