using Grader.Core.Access;

namespace Grader.Core.Tests.Access;

public sealed class ApiKeyFormatTests
{
    [Fact]
    public void Generate_NewKey_ParsesBackAndMatchesItsHash()
    {
        var (id, secret, plaintext) = ApiKeyFormat.Generate();

        Assert.True(ApiKeyFormat.TryParse(plaintext, out var parsedId, out var parsedSecret));
        Assert.Equal((id, secret), (parsedId, parsedSecret));
        Assert.True(ApiKeyFormat.Matches(secret, ApiKeyFormat.HashSecret(secret)));
        Assert.False(ApiKeyFormat.Matches(secret + "x", ApiKeyFormat.HashSecret(secret)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("grd_short_key")]
    [InlineData("xyz_abcdefghijkmnpqr_abcdefghijkmnpqrstuvwxyz23456789")]
    public void TryParse_Malformed_ReturnsFalse(string presented) => Assert.False(ApiKeyFormat.TryParse(presented, out _, out _));
}
