namespace Grader.Sandbox.Running;

/// <summary>Finds the real <c>dotnet</c> host (symlinks resolved), whose directory is the runtime root.</summary>
internal static class DotnetLocator
{
    // Environment variables are off limits (configuration goes through options), so instead of PATH
    // the usual install locations are tried after the host that runs this process.
    private static readonly string[] WellKnown =
    [
        "/usr/share/dotnet/dotnet",
        "/usr/lib/dotnet/dotnet",
        "/usr/lib64/dotnet/dotnet",
        "/usr/local/share/dotnet/dotnet",
        "/opt/dotnet/dotnet",
        "/usr/bin/dotnet",
        "/usr/local/bin/dotnet",
    ];

    public static string? Find(string? configured, string? processPath)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? Resolve(configured) : null;
        }

        if (processPath is not null && Path.GetFileName(processPath) == "dotnet" && File.Exists(processPath))
        {
            return Resolve(processPath);
        }

        return WellKnown.Where(File.Exists).Select(Resolve).FirstOrDefault();
    }

    private static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        return new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
    }
}
