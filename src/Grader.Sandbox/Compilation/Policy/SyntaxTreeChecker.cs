using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Grader.Sandbox.Compilation.Policy;

/// <summary>
/// Checks the nodes of one syntax tree: what each binds to on the semantic model (names, member accesses,
/// object creations, attributes, base calls, query clauses, expression types, user-defined conversions,
/// overrides) and the language features that are forbidden whatever they bind to.
/// </summary>
internal sealed class SyntaxTreeChecker(ApiPolicy policy, SemanticModel model, IAssemblySymbol submission, List<PolicyViolation> violations)
{
    private static readonly string[] ReservedNamespaceRoots = ["System", "Microsoft", "TorchSharp", "Tensorboard", "Grader"];

    public void Visit(SyntaxNode node, CancellationToken cancellationToken)
    {
        CheckSyntax(node);
        CheckModifiers(node);

        switch (node)
        {
            case UsingDirectiveSyntax { NamespaceOrType: { } target } usingDirective:
                if (usingDirective.StaticKeyword.IsKind(SyntaxKind.None)
                    && model.GetSymbolInfo(target, cancellationToken).Symbol is INamespaceSymbol ns
                    && policy.CheckNamespace(ns) is { } rule)
                {
                    Report(rule, $"{SymbolNames.Display(ns)} is not allowed: {rule.Reason}.", target, ns);
                }

                break;
            case InvocationExpressionSyntax:
                // The callee expression carries the symbol; the call only adds its result type.
                CheckExpressionType((ExpressionSyntax)node, cancellationToken);
                break;
            case IdentifierNameSyntax { IsVar: true, Parent: VariableDeclarationSyntax or DeclarationExpressionSyntax or ForEachStatementSyntax }:
                // An inferred type is reported where the value producing it is written, not at every "var".
                break;
            case ExpressionSyntax expression:
                CheckBoundSymbol(node, cancellationToken);
                CheckExpressionType(expression, cancellationToken);
                break;
            case AttributeSyntax or ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax or OrderingSyntax or SelectOrGroupClauseSyntax:
                CheckBoundSymbol(node, cancellationToken);
                break;
            case QueryClauseSyntax clause:
                var info = model.GetQueryClauseInfo(clause, cancellationToken);
                CheckSymbol(info.CastInfo.Symbol, node);
                CheckSymbol(info.OperationInfo.Symbol, node);
                break;
            case MethodDeclarationSyntax or PropertyDeclarationSyntax or EventDeclarationSyntax or IndexerDeclarationSyntax:
                // Overriding a forbidden member is as good as calling it where the grader calls the base.
                var declared = model.GetDeclaredSymbol(node, cancellationToken);
                CheckOverride(declared, node);
                break;
        }
    }

    private void CheckBoundSymbol(SyntaxNode node, CancellationToken cancellationToken)
    {
        var info = model.GetSymbolInfo(node, cancellationToken);
        if (info.Symbol is { } symbol)
        {
            if (symbol is not INamespaceSymbol)
            {
                CheckSymbol(symbol, node);
            }

            return;
        }

        // Unresolved (an error already) or a member group as in nameof(X.M): every candidate must be allowed.
        foreach (var candidate in info.CandidateSymbols.Where(c => c is not INamespaceSymbol))
        {
            if (CheckSymbol(candidate, node))
            {
                return;
            }
        }
    }

    private void CheckExpressionType(ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        var info = model.GetTypeInfo(expression, cancellationToken);
        if (info.Type is { } type)
        {
            CheckSymbol(type, expression);
        }

        // A user-defined conversion is a call the code does not spell out.
        var conversion = model.GetConversion(expression, cancellationToken);
        if (conversion.IsUserDefined)
        {
            CheckSymbol(conversion.MethodSymbol, expression);
        }
    }

    private void CheckOverride(ISymbol? declared, SyntaxNode node)
    {
        ISymbol? overridden = declared switch
        {
            IMethodSymbol method => method.OverriddenMethod,
            IPropertySymbol property => property.OverriddenProperty,
            IEventSymbol @event => @event.OverriddenEvent,
            _ => null,
        };
        if (overridden is not null && !CheckSymbol(overridden, node) && policy.CheckOverride(overridden, submission) is { } denial)
        {
            Report(denial.Rule, $"Overriding {SymbolNames.Display(denial.Symbol)} is not allowed: {denial.Rule.Reason}.", node, denial.Symbol);
        }
    }

    private bool CheckSymbol(ISymbol? symbol, SyntaxNode node)
    {
        var denial = symbol switch
        {
            ITypeSymbol type => policy.CheckType(type, submission),
            IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol => policy.CheckMember(symbol, submission),
            _ => null, // locals, parameters, labels, namespaces, aliases: what they refer to is checked elsewhere
        };
        if (denial is null)
        {
            return false;
        }

        Report(denial.Rule, denial.Message, node, denial.Symbol);
        return true;
    }

    private void CheckSyntax(SyntaxNode node)
    {
        switch (node.Kind())
        {
            case SyntaxKind.UnsafeStatement:
            case SyntaxKind.FixedStatement:
            case SyntaxKind.PointerType:
            case SyntaxKind.FunctionPointerType:
            case SyntaxKind.StackAllocArrayCreationExpression:
            case SyntaxKind.ImplicitStackAllocArrayCreationExpression:
            case SyntaxKind.AddressOfExpression:
            case SyntaxKind.PointerIndirectionExpression:
            case SyntaxKind.PointerMemberAccessExpression:
                ReportFeature(PolicyRules.UnsafeCode, FeatureName(node), node);
                break;
            case SyntaxKind.ArgListExpression:
            case SyntaxKind.MakeRefExpression:
            case SyntaxKind.RefTypeExpression:
            case SyntaxKind.RefValueExpression:
                ReportFeature(PolicyRules.UndocumentedKeyword, node.GetFirstToken().Text, node);
                break;
            case SyntaxKind.Parameter when ((ParameterSyntax)node).Identifier.IsKind(SyntaxKind.ArgListKeyword):
                ReportFeature(PolicyRules.UndocumentedKeyword, "__arglist", node);
                break;
            case SyntaxKind.ExternAliasDirective:
                ReportFeature(PolicyRules.Extern, "extern alias", node);
                break;
            case SyntaxKind.DestructorDeclaration:
                ReportFeature(PolicyRules.Finalizer, "A finalizer", node);
                break;
            case SyntaxKind.ConstructorDeclaration when ((ConstructorDeclarationSyntax)node).Modifiers.Any(SyntaxKind.StaticKeyword):
                ReportFeature(PolicyRules.StaticConstructor, "A static constructor", node);
                break;
            case SyntaxKind.NamespaceDeclaration or SyntaxKind.FileScopedNamespaceDeclaration:
                var name = ((BaseNamespaceDeclarationSyntax)node).Name;
                var root = name.ToString().Split('.')[0].Trim();
                if (ReservedNamespaceRoots.Contains(root, StringComparer.Ordinal))
                {
                    ReportFeature(PolicyRules.ReservedNamespace, $"Namespace {name}", name);
                }

                break;
        }
    }

    private void CheckModifiers(SyntaxNode node)
    {
        var modifiers = node switch
        {
            MemberDeclarationSyntax member => member.Modifiers,
            LocalFunctionStatementSyntax local => local.Modifiers,
            _ => default,
        };
        foreach (var modifier in modifiers)
        {
            switch (modifier.Kind())
            {
                case SyntaxKind.UnsafeKeyword:
                    ReportFeature(PolicyRules.UnsafeCode, "The unsafe modifier", node, modifier.GetLocation());
                    break;
                case SyntaxKind.ExternKeyword:
                    ReportFeature(PolicyRules.Extern, "An extern member", node, modifier.GetLocation());
                    break;
                case SyntaxKind.FixedKeyword:
                    ReportFeature(PolicyRules.UnsafeCode, "A fixed-size buffer", node, modifier.GetLocation());
                    break;
            }
        }
    }

    private static string FeatureName(SyntaxNode node) => node.Kind() switch
    {
        SyntaxKind.UnsafeStatement => "An unsafe block",
        SyntaxKind.FixedStatement => "A fixed statement",
        SyntaxKind.PointerType => "A pointer type",
        SyntaxKind.FunctionPointerType => "A function pointer",
        SyntaxKind.AddressOfExpression => "Taking an address (&)",
        SyntaxKind.PointerIndirectionExpression or SyntaxKind.PointerMemberAccessExpression => "Dereferencing a pointer",
        _ => "stackalloc",
    };

    private void ReportFeature(PolicyRule rule, string what, SyntaxNode node, Location? location = null) =>
        violations.Add(new PolicyViolation(rule, $"{what} is not allowed: {rule.Reason}.", location ?? node.GetLocation(), node.Span, null));

    private void Report(PolicyRule rule, string message, SyntaxNode node, ISymbol? symbol) =>
        violations.Add(new PolicyViolation(rule, message, PreciseLocation(node), node.Span, symbol));

    // Point at the member name in a.b.C, as the compiler does, rather than at the start of the chain.
    private static Location PreciseLocation(SyntaxNode node) => node switch
    {
        MemberAccessExpressionSyntax access => access.Name.GetLocation(),
        QualifiedNameSyntax qualified => qualified.Right.GetLocation(),
        AliasQualifiedNameSyntax alias => alias.Name.GetLocation(),
        ObjectCreationExpressionSyntax creation => creation.Type.GetLocation(),
        MethodDeclarationSyntax method => method.Identifier.GetLocation(),
        PropertyDeclarationSyntax property => property.Identifier.GetLocation(),
        _ => node.GetLocation(),
    };
}
