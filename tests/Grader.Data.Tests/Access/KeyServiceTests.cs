using Dapper;
using Grader.Core.Access;
using Grader.Core.Errors;
using Grader.Data.Database;
using Grader.Data.Tests.Infrastructure;

namespace Grader.Data.Tests.Access;

public sealed class KeyServiceTests
{
    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AuthenticateAsync_CreatedKey_ReturnsItsPrincipal(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);

        var created = await platform.KeyService.CreateAsync(Role.Learner, Platform.Course, "ada", "laptop", CancellationToken.None);
        var principal = await platform.KeyService.AuthenticateAsync(created.Plaintext, CancellationToken.None);

        Assert.StartsWith("grd_", created.Plaintext, StringComparison.Ordinal);
        Assert.Equal(new Principal(created.Key.Id, Role.Learner, Platform.Course, "ada"), principal);
        Assert.NotNull(await platform.CourseStore.GetMemberAsync(Platform.Course, "ada", CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AuthenticateAsync_RevokedOrAlteredKey_ReturnsNull(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        var revoked = await platform.KeyService.CreateAsync(Role.Lms, Platform.Course, null, "canvas", CancellationToken.None);
        var valid = await platform.KeyService.CreateAsync(Role.Instructor, Platform.Course, null, "teacher", CancellationToken.None);

        var revokedKey = await platform.KeyService.RevokeAsync(revoked.Key.Id, CancellationToken.None);
        var altered = valid.Plaintext[..^1] + (valid.Plaintext[^1] == 'a' ? 'b' : 'a');

        Assert.NotNull(revokedKey.RevokedAt);
        Assert.Null(await platform.KeyService.AuthenticateAsync(revoked.Plaintext, CancellationToken.None));
        Assert.Null(await platform.KeyService.AuthenticateAsync(altered, CancellationToken.None));
        Assert.Null(await platform.KeyService.AuthenticateAsync("Bearer nonsense", CancellationToken.None));
        Assert.NotNull(await platform.KeyService.AuthenticateAsync(valid.Plaintext, CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_AnyKey_StoresOnlyTheSecretsHash(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);

        var created = await platform.KeyService.CreateAsync(Role.Admin, null, null, "ops", CancellationToken.None);
        await using var connection = await platform.Database.DataSource.OpenConnectionAsync();
        var stored = await connection.QuerySingleAsync<string>("SELECT secret_hash FROM api_keys WHERE id = @Id", new { created.Key.Id });

        Assert.DoesNotContain(stored, created.Plaintext, StringComparison.Ordinal);
        Assert.Equal(ApiKeyFormat.HashSecret(created.Plaintext.Split('_')[2]), stored);
        Assert.Equal(Principal.AnyCourse, created.Key.CourseId);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListAsync_ByCourse_ReturnsOnlyThatCoursesKeysNewestFirst(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        await platform.CourseService.CreateCourseAsync(Principal.LocalOperator, "other", "Other", CancellationToken.None);
        var first = await platform.KeyService.CreateAsync(Role.Lms, Platform.Course, null, "first", CancellationToken.None);
        platform.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await platform.KeyService.CreateAsync(Role.Learner, Platform.Course, "bo", "second", CancellationToken.None);
        await platform.KeyService.CreateAsync(Role.Lms, "other", null, "elsewhere", CancellationToken.None);

        var keys = await platform.KeyService.ListAsync(Platform.Course, CancellationToken.None);

        Assert.Equal([second.Key.Id, first.Key.Id], keys.Select(k => k.Id));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_UnknownCourseOrMissingLearner_ThrowsPreciseError(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);

        var notFound = await Assert.ThrowsAsync<NotFoundException>(() => platform.KeyService.CreateAsync(Role.Lms, "nope", null, "x", CancellationToken.None));
        var invalid = await Assert.ThrowsAsync<InvalidArgumentException>(() => platform.KeyService.CreateAsync(Role.Learner, Platform.Course, null, "x", CancellationToken.None));

        Assert.Equal("COURSE_NOT_FOUND", notFound.Reason);
        Assert.Equal("learner", Assert.Single(invalid.Violations).Field);
        Assert.Empty(await platform.KeyService.ListAsync(null, CancellationToken.None));
    }
}
