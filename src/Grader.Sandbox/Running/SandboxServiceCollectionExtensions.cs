using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Grader.Sandbox.Running;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RunnerLauncher"/> with <see cref="SandboxOptions"/> bound from the
    /// <c>Sandbox</c> section and validated at start-up. Logging is the host's to add.
    /// </summary>
    public static IServiceCollection AddSandboxRunner(this IServiceCollection services)
    {
        services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SandboxOptions>, SandboxOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RunnerLauncher>();
        return services;
    }
}
