namespace Grader.Sandbox.Running.Isolation;

/// <summary>The unprivileged account the runner runs as when the host process is root.</summary>
internal sealed record SandboxUser(string Name, uint Uid, uint Gid);
