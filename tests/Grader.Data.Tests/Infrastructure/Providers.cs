using Grader.Data.Database;

namespace Grader.Data.Tests.Infrastructure;

/// <summary>Every database test is a theory over these providers.</summary>
public static class Providers
{
    public static TheoryData<DatabaseProvider> All => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };
}
