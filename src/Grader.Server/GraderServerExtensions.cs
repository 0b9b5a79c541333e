using Grader.Data;
using Grader.Server.Api;
using Grader.Server.Auth;
using Grader.Server.Dashboard;
using Grader.Server.Errors;
using Grader.Server.Hosting;
using Grader.Server.Jobs;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Grader.Server;

/// <summary>The server's composition: what <c>grader serve</c>, <c>grader demo</c> and the end-to-end tests host.</summary>
public static class GraderServerExtensions
{
    /// <summary>Registers everything the configured role needs and binds Kestrel to <see cref="ServerOptions.Listen"/>.</summary>
    public static WebApplicationBuilder AddGraderServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<ServerOptions>().BindConfiguration(ServerOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServerOptions>, ServerOptionsValidator>());
        var server = configuration.GetSection(ServerOptions.SectionName).Get<ServerOptions>() ?? new ServerOptions();

        var endpoints = new ServerEndpoints();
        services.AddSingleton(endpoints);
        builder.WebHost.ConfigureKestrel(k =>
        {
            if (ListenAddress.TryParse(server.Listen, out var grpc))
                k.Listen(grpc.Address, grpc.Port, l => (endpoints.Grpc = l).Protocols = HttpProtocols.Http2);
            if (server.ServesApi && ListenAddress.TryParse(server.DashboardListen, out var dashboard))
                k.Listen(dashboard.Address, dashboard.Port, l => (endpoints.Dashboard = l).Protocols = HttpProtocols.Http1);
        });

        services.AddGraderData(configuration);
        services.AddJobsHosting(configuration, server);
        services.AddGradingJobs();

        services.AddGrpc();
        services.AddGrpcHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        if (server.ServesApi)
        {
            services.AddGrpcReflection();
            services.AddSingleton<ErrorMappingInterceptor>();
            services.AddSingleton<ApiKeyInterceptor>();
            AddApi<CourseApi>(services);
            AddApi<SubmissionApi>(services);
            AddApi<ProgressApi>(services);
            // Cookies of the dashboard log-in live as long as the process: nothing to persist or rotate.
            services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
            services.AddSingleton<DashboardLogin>();
            services.AddSingleton<DashboardKeyFilter>();
        }
        return builder;
    }

    /// <summary>Maps health everywhere; the API, reflection and the admin-only dashboard on api and all roles.</summary>
    public static WebApplication MapGraderServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var server = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value;
        app.MapGrpcHealthChecksService();
        if (!server.ServesApi) return app;

        app.MapGrpcReflectionService();
        app.MapGrpcService<CourseApi>();
        app.MapGrpcService<SubmissionApi>();
        app.MapGrpcService<ProgressApi>();

        var login = app.Services.GetRequiredService<DashboardLogin>();
        app.Use(async (http, next) =>
        {
            if (!await login.TryHandleAsync(http, server.DashboardPath)) await next(http);
        });
        app.UseHangfireDashboard(server.DashboardPath, new DashboardOptions
        {
            DashboardTitle = "Grader jobs",
            AppPath = null,
            Authorization = [],
            AsyncAuthorization = [app.Services.GetRequiredService<DashboardKeyFilter>()],
        });
        return app;
    }

    /// <summary>API services get error mapping (outer) and key authentication (inner); health, reflection and anything else mapped stay bare.</summary>
    private static void AddApi<TService>(IServiceCollection services)
        where TService : class =>
        services.AddGrpc().AddServiceOptions<TService>(o =>
        {
            o.Interceptors.Add<ErrorMappingInterceptor>();
            o.Interceptors.Add<ApiKeyInterceptor>();
        });
}
