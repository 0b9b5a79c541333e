using Grader.Data.Database;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Grader.Data.Migrations;

/// <summary>Applies pending migrations when the host starts (before the API and the job server, which are registered later).</summary>
internal sealed class MigrateOnStartService(DatabaseMigrator migrator, IOptions<DatabaseOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStart)
        {
            await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
