using System.Text;

namespace Grader.Sandbox.Compilation;

/// <summary>One C# file of a submission. <paramref name="Path"/> is only a display name for diagnostics.</summary>
public sealed record SourceFile(string Path, string Text)
{
    /// <summary>
    /// Decodes raw bytes as UTF-8 (a leading byte-order mark is dropped). Invalid sequences become U+FFFD,
    /// which the compiler then rejects with a clear "not UTF-8 text" diagnostic instead of compiling garbage.
    /// </summary>
    public static SourceFile FromUtf8(string path, ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (bytes.StartsWith(bom))
        {
            bytes = bytes[bom.Length..];
        }

        return new SourceFile(path, Encoding.UTF8.GetString(bytes));
    }
}
