using System.Security.Cryptography;
using System.Text;

namespace Grader.Core.Submissions;

/// <summary>Content hash of a submission's files, independent of their order.</summary>
public static class SourceHashing
{
    /// <summary>Lower-case hex SHA-256 over (path, text) pairs sorted by path, each length-prefixed so no two different sets collide by concatenation.</summary>
    public static string Hash(IEnumerable<SubmissionSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var source in sources.OrderBy(s => s.Path, StringComparer.Ordinal))
        {
            Append(sha, source.Path);
            Append(sha, source.Text);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Lower-case hex SHA-256 of <paramref name="text"/>'s UTF-8 bytes.</summary>
    public static string HashText(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static void Append(IncrementalHash sha, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[8];
        BitConverter.TryWriteBytes(length, (long)bytes.Length);
        sha.AppendData(length);
        sha.AppendData(bytes);
    }
}
