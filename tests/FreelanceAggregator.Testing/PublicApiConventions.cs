using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace FreelanceAggregator.Testing;

/// <summary>
/// The house rules for public API, checked by reflection so they enforce themselves: every public async method takes a
/// <see cref="CancellationToken"/> last; public models have no public setters; models are debuggable; and no public
/// signature exposes a dependency's types (AngleSharp, Polly, WireMock, ...).
/// </summary>
public static class PublicApiConventions
{
    private static readonly string[] AllowedNamespaces = ["System", "Microsoft.Extensions", "FreelanceAggregator"];

    /// <summary>Lists public async methods whose last parameter is not a <see cref="CancellationToken"/>.</summary>
    /// <param name="assembly">The assembly to check.</param>
    /// <returns>One line per violation.</returns>
    public static IReadOnlyList<string> AsyncMethodsWithoutCancellationTokenLast(Assembly assembly) =>
        PublicMethods(assembly)
            .Where(m => IsAsync(m.ReturnType) && m.Name is not ("DisposeAsync" or "DisposeAsyncCore"))

            // A test method is called by the test runner, which gives it TestContext.Current.CancellationToken.
            .Where(m => !m.IsDefined(typeof(Xunit.FactAttribute), inherit: true))
            .Where(m => m.GetParameters() is not [.., { ParameterType: var last }] || last != typeof(CancellationToken))
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))})")
            .Distinct()
            .ToList();

    /// <summary>Lists public settable properties on public types other than options types (whose setters are the point).</summary>
    /// <param name="assembly">The assembly to check.</param>
    /// <returns>One line per violation.</returns>
    public static IReadOnlyList<string> ModelsWithPublicSetters(Assembly assembly) =>
        assembly.GetExportedTypes()
            .Where(t => !t.Name.EndsWith("Options", StringComparison.Ordinal) && !t.IsInterface)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
            .Select(p => $"{p.DeclaringType!.FullName}.{p.Name}")
            .ToList();

    /// <summary>Lists the given model types that have no <see cref="DebuggerDisplayAttribute"/>.</summary>
    /// <param name="models">The model types.</param>
    /// <returns>One line per violation.</returns>
    public static IReadOnlyList<string> ModelsWithoutDebuggerDisplay(IEnumerable<Type> models) =>
        models.Where(t => t.GetCustomAttribute<DebuggerDisplayAttribute>() is null).Select(t => t.FullName!).ToList();

    /// <summary>Lists public signatures that expose a type outside System, Microsoft.Extensions and FreelanceAggregator.</summary>
    /// <param name="assembly">The assembly to check.</param>
    /// <returns>One line per violation.</returns>
    public static IReadOnlyList<string> SignaturesExposingDependencies(Assembly assembly)
    {
        var problems = new List<string>();
        foreach (var type in assembly.GetExportedTypes())
        {
            if (type.BaseType is { } baseType && Foreign(baseType))
            {
                problems.Add($"{type.FullName} derives from {baseType.FullName}");
            }

            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                var exposed = member switch
                {
                    MethodBase method => method.GetParameters().Select(p => p.ParameterType).Append(method is MethodInfo mi ? mi.ReturnType : typeof(void)),
                    PropertyInfo property => [property.PropertyType],
                    FieldInfo field => [field.FieldType],
                    EventInfo e => [e.EventHandlerType!],
                    _ => [],
                };
                problems.AddRange(exposed.Where(Foreign).Select(t => $"{type.FullName}.{member.Name} exposes {t.FullName}"));
            }
        }

        return problems.Distinct().ToList();
    }

    private static IEnumerable<MethodInfo> PublicMethods(Assembly assembly) =>
        assembly.GetExportedTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName);

    private static bool IsAsync(Type type) =>
        type == typeof(Task) || type == typeof(ValueTask)
        || (type.IsGenericType && type.GetGenericTypeDefinition() is var g && (g == typeof(Task<>) || g == typeof(ValueTask<>) || g == typeof(IAsyncEnumerable<>)));

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static bool Foreign(Type type)
    {
        if (type.IsByRef || type.IsArray || type.IsPointer)
        {
            return Foreign(type.GetElementType()!);
        }

        if (type.IsGenericParameter)
        {
            return false;
        }

        if (type.IsGenericType && type.GetGenericArguments().Any(Foreign))
        {
            return true;
        }

        var ns = type.Namespace ?? string.Empty;
        return !AllowedNamespaces.Any(allowed => ns == allowed || ns.StartsWith(allowed + ".", StringComparison.Ordinal));
    }
}
