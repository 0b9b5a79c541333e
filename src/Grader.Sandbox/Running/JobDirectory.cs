using Google.Protobuf;
using Grader.Contracts.Runner.V1;
using Grader.Sandbox.Running.Isolation;

namespace Grader.Sandbox.Running;

/// <summary>
/// A fresh per-run directory holding job.pb, the learner assembly and the event FIFO, plus the seccomp
/// program beside it (read by the launch wrapper, never mounted). When the runner runs as a separate
/// sandbox user, that user's group may read the job files and write the FIFO, and nothing else.
/// </summary>
internal sealed class JobDirectory
{
    public const string JobFile = "job.pb";
    public const string EventsFile = "events.pipe";

    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private JobDirectory(string path) => Path = path;

    public string Path { get; }

    public string EventsPipe => System.IO.Path.Combine(Path, EventsFile);

    /// <summary>Beside the job directory, not in it: the runner has no business reading it.</summary>
    public string SeccompFile => Path + ".seccomp";

    public static JobDirectory Create(string root, RunJob job, byte[] assembly, SandboxUser? sandboxUser)
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

        var rootInfo = Directory.CreateDirectory(root);
        if (sandboxUser is not null && (rootInfo.UnixFileMode & UnixFileMode.OtherExecute) == 0)
        {
            // The sandbox user must pass through the root to reach its own job directory (never to list it).
            rootInfo.UnixFileMode |= UnixFileMode.OtherExecute;
        }

        var path = System.IO.Path.Combine(root, Guid.NewGuid().ToString("N"));
        // Owner-only while it is filled; other local users have no business reading a learner's submission.
        Directory.CreateDirectory(path, OwnerOnlyDirectory);
        var directory = new JobDirectory(path);
        var files = new[] { System.IO.Path.Combine(path, JobFile), System.IO.Path.Combine(path, job.AssemblyFile) };
        File.WriteAllBytes(files[0], job.ToByteArray());
        File.WriteAllBytes(files[1], assembly);
        Fifo.Create(directory.EventsPipe, OwnerOnlyFile);
        File.WriteAllBytes(directory.SeccompFile, SeccompFilter.Build());
        File.SetUnixFileMode(directory.SeccompFile, OwnerOnlyFile);

        if (sandboxUser is null)
        {
            foreach (var file in files)
            {
                File.SetUnixFileMode(file, OwnerOnlyFile);
            }

            return directory;
        }

        foreach (var file in files)
        {
            HostCalls.ChangeGroup(file, sandboxUser.Gid);
            File.SetUnixFileMode(file, OwnerOnlyFile | UnixFileMode.GroupRead);
        }

        HostCalls.ChangeGroup(directory.EventsPipe, sandboxUser.Gid);
        File.SetUnixFileMode(directory.EventsPipe, OwnerOnlyFile | UnixFileMode.GroupWrite);
        HostCalls.ChangeGroup(path, sandboxUser.Gid);
        File.SetUnixFileMode(path, OwnerOnlyDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        return directory;
    }

    public void Delete()
    {
        File.Delete(SeccompFile);
        Directory.Delete(Path, recursive: true);
    }
}
