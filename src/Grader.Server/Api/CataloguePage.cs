using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Grader.Core.Errors;

namespace Grader.Server.Api;

/// <summary>
/// Pages over short lists the use cases return whole (courses, exercises, achievements), so every List method
/// honours <c>page_size</c>/<c>page_token</c> the same way. The token carries the offset and a fingerprint of
/// the query; one from another query is refused.
/// </summary>
public static class CataloguePage
{
    private const int DefaultSize = 50;
    private const int MaxSize = 200;

    public static (IReadOnlyList<T> Items, string NextPageToken) Slice<T>(IReadOnlyList<T> all, int pageSize, string pageToken, string query)
    {
        ArgumentNullException.ThrowIfNull(all);
        if (pageSize is < 0 or > MaxSize)
            throw new InvalidArgumentException("page_size", $"must be between 0 (default {DefaultSize}) and {MaxSize}; got {pageSize}");
        var size = pageSize == 0 ? DefaultSize : pageSize;
        var fingerprint = Fingerprint(query);
        var offset = Offset(pageToken ?? "", fingerprint);
        var items = all.Skip(offset).Take(size).ToList();
        var next = offset + items.Count < all.Count
            ? Convert.ToBase64String(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{fingerprint}|{offset + items.Count}")))
            : "";
        return (items, next);
    }

    private static int Offset(string token, string fingerprint)
    {
        if (token.Length == 0) return 0;
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|');
        }
        catch (FormatException)
        {
            throw new InvalidArgumentException("page_token", "is not a page token issued by this API");
        }
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            throw new InvalidArgumentException("page_token", "is not a page token issued by this API");
        return parts[0] == fingerprint
            ? offset
            : throw new InvalidArgumentException("page_token", "was issued for a different query; keep the request unchanged between pages, or start again without a token");
    }

    private static string Fingerprint(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)))[..16];
}
