using Microsoft.Extensions.Options;

namespace Grader.Data.Database;

/// <summary>Checks the "Database" section at start-up.</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add($"Database:Provider must be Sqlite or Postgres; got {options.Provider}.");
        }

        if (options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("Database:ConnectionString is required when Database:Provider is Postgres.");
        }

        if (options.SqliteBusyTimeout < TimeSpan.FromMilliseconds(100) || options.SqliteBusyTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"Database:SqliteBusyTimeout must be between 100 ms and 10 minutes; got {options.SqliteBusyTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
