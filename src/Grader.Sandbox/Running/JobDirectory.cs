using Google.Protobuf;
using Grader.Contracts.Runner.V1;

namespace Grader.Sandbox.Running;

/// <summary>A fresh per-run directory holding job.pb, the learner assembly and the event FIFO.</summary>
internal sealed class JobDirectory
{
    public const string JobFile = "job.pb";
    public const string EventsFile = "events.pipe";

    private JobDirectory(string path) => Path = path;

    public string Path { get; }

    public string EventsPipe => System.IO.Path.Combine(Path, EventsFile);

    public static JobDirectory Create(string root, RunJob job, byte[] assembly)
    {
        if (string.IsNullOrEmpty(job.AssemblyFile)
            || System.IO.Path.GetFileName(job.AssemblyFile) != job.AssemblyFile
            || job.AssemblyFile is JobFile or EventsFile)
        {
            throw new ArgumentException($"RunJob.assembly_file must be a plain file name other than {JobFile} and {EventsFile}, got '{job.AssemblyFile}'.", nameof(job));
        }

        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The runner sandbox needs Linux (bubblewrap, FIFOs).");
        }

        Directory.CreateDirectory(root);
        var path = System.IO.Path.Combine(root, Guid.NewGuid().ToString("N"));
        // Owner-only: other local users have no business reading a learner's submission.
        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var directory = new JobDirectory(path);
        File.WriteAllBytes(System.IO.Path.Combine(path, JobFile), job.ToByteArray());
        File.WriteAllBytes(System.IO.Path.Combine(path, job.AssemblyFile), assembly);
        Fifo.Create(directory.EventsPipe, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return directory;
    }

    public void Delete() => Directory.Delete(Path, recursive: true);
}
