using Dapper;

namespace Grader.Data.Database;

/// <summary>Dapper's process-wide settings for this schema: snake_case columns onto PascalCase properties, UTC timestamps.</summary>
internal static class DapperSetup
{
    private static int _configured;

    public static void Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 0)
        {
            DefaultTypeMap.MatchNamesWithUnderscores = true;
            SqlMapper.AddTypeHandler(new UtcTimeHandler());
        }
    }
}
