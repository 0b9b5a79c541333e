using System.Data.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grader.Server.Hosting;

/// <summary>gRPC health reports SERVING only while the application database answers.</summary>
public sealed class DatabaseHealthCheck(DbDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (DbException ex)
        {
            return HealthCheckResult.Unhealthy("the database does not answer", ex);
        }
    }
}
