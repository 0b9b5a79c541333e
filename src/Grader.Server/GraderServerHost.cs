using Grader.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Server;

/// <summary>Builds the server application from configuration the caller has already layered (files, environment, options).</summary>
public static class GraderServerHost
{
    public static WebApplication Create(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(GraderServerHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        builder.AddGraderServer();
        var app = builder.Build();
        app.MapGraderServer();
        return app;
    }

    /// <summary>The gRPC address of a started server, e.g. <c>http://127.0.0.1:5080</c> (the real port when 0 was asked for).</summary>
    public static Uri Address(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<ServerEndpoints>().GrpcAddress;
    }

    /// <summary>The dashboard's address of a started server; null when it serves none.</summary>
    public static Uri? DashboardAddress(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<ServerEndpoints>().DashboardAddress;
    }
}
