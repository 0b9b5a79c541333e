using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Grader.Core.Courses;

namespace Grader.Core.Access;

/// <summary>
/// The presented form of a key, <c>grd_{id}_{secret}</c>: the prefix makes leaked keys recognisable to secret
/// scanners, the id finds the row without scanning hashes, and only the secret's SHA-256 is stored. A plain
/// hash (no salt, no stretching) suffices because the secret is 32 random characters (160 bits), not a password.
/// </summary>
public static class ApiKeyFormat
{
    /// <summary>The fixed prefix of every key.</summary>
    public const string Prefix = "grd_";

    private const int IdLength = 16;
    private const int SecretLength = 32;

    /// <summary>A new (id, secret, plaintext) from the cryptographic generator.</summary>
    public static (string Id, string Secret, string Plaintext) Generate()
    {
        var id = ResourceIds.NewId(IdLength);
        var secret = ResourceIds.NewId(SecretLength);
        return (id, secret, $"{Prefix}{id}_{secret}");
    }

    /// <summary>Splits a presented key; false for anything not shaped like one.</summary>
    public static bool TryParse(string? presented, [NotNullWhen(true)] out string? id, [NotNullWhen(true)] out string? secret)
    {
        id = null;
        secret = null;
        if (presented is null || presented.Length != Prefix.Length + IdLength + 1 + SecretLength
            || !presented.StartsWith(Prefix, StringComparison.Ordinal) || presented[Prefix.Length + IdLength] != '_')
        {
            return false;
        }

        id = presented.Substring(Prefix.Length, IdLength);
        secret = presented[(Prefix.Length + IdLength + 1)..];
        return true;
    }

    /// <summary>Lower-case hex SHA-256 of the secret.</summary>
    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares a presented secret with a stored hash in constant time.</summary>
    public static bool Matches(string secret, string storedHash)
    {
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        byte[] stored;
        try
        {
            stored = Convert.FromHexString(storedHash);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(presented, stored);
    }

    /// <summary>The displayable start of a key with this id.</summary>
    public static string DisplayPrefix(string id) => $"{Prefix}{id}";
}
