using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Grader.Core.Errors;

namespace Grader.Core.Submissions;

/// <summary>
/// Opaque page tokens: a keyset cursor plus a fingerprint of the query they were issued for, so a token reused
/// with another parent or filter is refused instead of silently skipping rows. Not a secret: the cursor only
/// says where the previous page ended, and the query is re-checked for access on every call.
/// </summary>
internal static class PageTokens
{
    private const string Version = "v1";

    public static string Fingerprint(string courseId, string? exerciseId, string? learnerId, string filter)
    {
        var text = string.Join('\n', courseId, exerciseId ?? "-", learnerId ?? "-", filter.Trim());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    public static string Encode(string fingerprint, SubmissionCursor cursor)
    {
        var text = string.Join('|', Version, fingerprint, cursor.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), cursor.Id);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    public static SubmissionCursor? Decode(string token, string fingerprint)
    {
        if (token.Length == 0)
        {
            return null;
        }

        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('|');
        }
        catch (FormatException)
        {
            throw Invalid("is not a page token issued by this API");
        }

        if (parts.Length != 4 || parts[0] != Version
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks
            || parts[3].Length == 0)
        {
            throw Invalid("is not a page token issued by this API");
        }

        if (parts[1] != fingerprint)
        {
            throw Invalid("was issued for a different query; keep parent and filter unchanged between pages, or start again without a token");
        }

        return new SubmissionCursor(new DateTimeOffset(ticks, TimeSpan.Zero), parts[3]);
    }

    private static InvalidArgumentException Invalid(string description) => new("page_token", description);
}
