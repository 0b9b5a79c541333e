using Grader.Data;
using Grader.Data.Content;
using Grader.Sandbox.Compilation;
using Grader.Sandbox.Grading;
using Grader.Sandbox.Running;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grader.Cli.Configuration;

/// <summary>
/// Composition for the command line: appsettings.json beside the program, then GRADER_-prefixed
/// environment variables (GRADER_Sandbox__RunnerPath=...), then explicit overrides from options.
/// </summary>
public static class CliHost
{
    public static ServiceProvider Build(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var configuration = BuildConfiguration(overrides);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddOptions<DataOptions>().BindConfiguration(DataOptions.SectionName);
        services.AddOptions<DatasetOptions>().BindConfiguration(DatasetOptions.SectionName);
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.SectionName);
        services.PostConfigure<SandboxOptions>(o =>
        {
            if (o.RunnerPath.Length == 0) o.RunnerPath = DefaultRunnerPath();
        });
        services.AddSubmissionGrading();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>
    /// The layered configuration, with <c>Data:Directory</c> resolved to an absolute folder (the default when
    /// unset) so the server, the data layer and the job storage all agree on one place, and the runner's path
    /// filled in when unset.
    /// </summary>
    public static IConfigurationRoot BuildConfiguration(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var layered = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables("GRADER_")
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
        var data = layered.GetSection(DataOptions.SectionName).Get<DataOptions>() ?? new DataOptions();
        var resolved = new Dictionary<string, string?> { [$"{DataOptions.SectionName}:Directory"] = data.Resolve() };
        if (string.IsNullOrEmpty(layered[$"{SandboxOptions.SectionName}:RunnerPath"]))
            resolved[$"{SandboxOptions.SectionName}:RunnerPath"] = DefaultRunnerPath();
        return new ConfigurationBuilder()
            .AddConfiguration(layered)
            .AddInMemoryCollection(resolved)
            .Build();
    }

    /// <summary>
    /// The runner is built beside the CLI in the artifacts layout (artifacts/bin/Grader.Runner/&lt;config&gt;/)
    /// or published next to it (runner/ under the CLI's folder, as in the Docker image).
    /// </summary>
    private static string DefaultRunnerPath()
    {
        var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var published = Path.Combine(here, "runner", "Grader.Runner.dll");
        if (File.Exists(published)) return published;
        var pivot = Path.GetFileName(here);
        return Path.GetFullPath(Path.Combine(here, "..", "..", "Grader.Runner", pivot, "Grader.Runner.dll"));
    }
}
