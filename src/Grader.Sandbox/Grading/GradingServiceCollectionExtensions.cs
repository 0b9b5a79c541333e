using Grader.Sandbox.Compilation;
using Grader.Sandbox.Running;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Grader.Sandbox.Grading;

public static class GradingServiceCollectionExtensions
{
    /// <summary>Registers the whole grading pipeline: compiler, sandboxed runner and <see cref="SubmissionGrader"/>.</summary>
    public static IServiceCollection AddSubmissionGrading(this IServiceCollection services)
    {
        services.AddSandboxRunner();
        services.AddOptions<SubmissionCompilerOptions>().BindConfiguration(SubmissionCompilerOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SubmissionCompilerOptions>, SubmissionCompilerOptionsValidator>());
        services.TryAddSingleton<SubmissionCompiler>();
        services.TryAddSingleton<SubmissionGrader>();
        return services;
    }
}
