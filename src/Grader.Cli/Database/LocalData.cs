using Grader.Data;
using Grader.Data.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grader.Cli.Database;

/// <summary>
/// The application database opened directly by the operator's commands (<c>keys</c>, <c>courses</c>,
/// <c>migrate</c>): the same storage the server uses, migrated first so they work before the first <c>serve</c>.
/// </summary>
public static class LocalData
{
    /// <summary>The data services, migrated to the latest schema.</summary>
    public static async Task<ServiceProvider> OpenAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var provider = Build(configuration);
        try
        {
            await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            return provider;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    /// <summary>The data services as they are (for <c>migrate</c>, which reports what it applies).</summary>
    public static ServiceProvider Build(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddGraderData(configuration);
        return services.BuildServiceProvider();
    }
}
