using System.Net.Sockets;
using Grader.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Grader.Cli.Serving;

/// <summary>Builds and starts the server for <c>serve</c> and <c>demo</c>, turning start-up failures into one-line errors.</summary>
public static class ServerStart
{
    public static WebApplication Create(IConfiguration configuration)
    {
        try
        {
            return GraderServerHost.Create(configuration);
        }
        catch (OptionsValidationException ex)
        {
            throw new CliException($"invalid configuration: {string.Join(" ", ex.Failures)}");
        }
    }

    public static async Task StartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            throw new CliException($"invalid configuration: {string.Join(" ", ex.Failures)}");
        }
        catch (IOException ex) when (ex.InnerException is SocketException || ex.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException($"cannot listen: {ex.Message}", ExitCodes.PlatformError);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new CliException(ex.Message);
        }
    }
}
