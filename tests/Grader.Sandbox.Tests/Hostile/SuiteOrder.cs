using Xunit.Abstractions;
using Xunit.Sdk;

namespace Grader.Sandbox.Tests.Hostile;

/// <summary>Marks a test that must run before every other test of its class.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BeforeSuiteAttribute : Attribute;

/// <summary>Marks a test that must run after every other test of its class.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AfterSuiteAttribute : Attribute;

/// <summary>Orders a class's tests: [BeforeSuite] first, then the rest by name, then [AfterSuite].</summary>
public sealed class SuiteOrder : ITestCaseOrderer
{
    public const string Name = "Grader.Sandbox.Tests.Hostile.SuiteOrder";
    public const string Assembly = "Grader.Sandbox.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(c => Rank(c)).ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    private static int Rank(ITestCase testCase)
    {
        var method = testCase.TestMethod.Method;
        if (method.GetCustomAttributes(typeof(BeforeSuiteAttribute).AssemblyQualifiedName).Any())
        {
            return 0;
        }

        return method.GetCustomAttributes(typeof(AfterSuiteAttribute).AssemblyQualifiedName).Any() ? 2 : 1;
    }
}
