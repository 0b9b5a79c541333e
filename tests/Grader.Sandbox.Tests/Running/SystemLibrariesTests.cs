using Grader.Sandbox.Running.Isolation;

namespace Grader.Sandbox.Tests.Running;

public sealed class SystemLibrariesTests
{
    [Fact]
    public void Resolve_Defaults_InterpreterAndEveryLibraryAsRealFilesAtCanonicalPaths()
    {
        var mounts = SystemLibraries.Resolve(SystemLibraries.Default, out var missing);

        Assert.Null(missing);
        Assert.Equal(SystemLibraries.Default.Count + 1, mounts.Count);
        Assert.All(mounts, m =>
        {
            Assert.Equal(m.Source, HostCalls.RealPath(m.Source));
            Assert.Equal(Path.GetDirectoryName(m.Destination), HostCalls.RealPath(Path.GetDirectoryName(m.Destination)!));
        });
        Assert.Equal("ld-linux-x86-64.so.2", Path.GetFileName(mounts[0].Destination));
        Assert.Contains(mounts, m => Path.GetFileName(m.Destination) == "libstdc++.so.6");
    }

    [Fact]
    public void Resolve_UnknownLibrary_NamedAsMissing()
    {
        SystemLibraries.Resolve([.. SystemLibraries.Default, "libnot-a-library.so.9"], out var missing);

        Assert.Equal("libnot-a-library.so.9", missing);
    }
}
