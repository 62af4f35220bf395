using System.Reflection;
using System.Xml.Linq;

namespace Ravi.Sdk.Tests.PublicSurface;

/// <summary>
/// Item 6 of issue 12: every public operation documents what it throws. Scans the public surface of the shipped
/// assemblies against their generated XML docs (where the shared call exceptions are included).
/// </summary>
public sealed class ExceptionDocsTests
{
    private static readonly string[] CallExceptions =
    [
        "T:Ravi.Sdk.RaviApiException", "T:Ravi.Sdk.RaviConnectionException", "T:Ravi.Sdk.RaviRequestTimeoutException",
        "T:System.OperationCanceledException", "T:System.ArgumentException",
    ];

    private static readonly Assembly[] Shipped = [typeof(RaviClient).Assembly, typeof(Testing.RaviTestServer).Assembly];

    [Fact]
    public void Every_public_operation_documents_its_exceptions()
    {
        var problems = new List<string>();
        var checkedCount = 0;
        foreach (var assembly in Shipped)
        {
            var docs = LoadDocs(assembly);
            foreach (var method in Operations(assembly))
            {
                checkedCount++;
                var crefs = Exceptions(docs, method);
                var name = $"{method.DeclaringType!.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})";
                if (crefs.Count == 0)
                {
                    problems.Add($"{name}: no <exception>");
                    continue;
                }

                if (method.GetParameters().Any(p => p.ParameterType == typeof(RaviRequestOptions)))
                {
                    problems.AddRange(CallExceptions.Where(c => !crefs.Contains(c)).Select(c => $"{name}: no <exception cref=\"{c}\">"));
                }

                if (IsMockable(method) && !crefs.Contains("T:System.InvalidOperationException"))
                {
                    problems.Add($"{name}: does not say what a mock that does not override it throws");
                }
            }
        }

        Assert.True(checkedCount > 60, $"only {checkedCount} operations found");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>Awaitable or async-enumerable public methods, and every public virtual method of a mockable sub-client.</summary>
    private static IEnumerable<MethodInfo> Operations(Assembly assembly) =>
        assembly.GetExportedTypes()
            .Where(t => !t.IsEnum && !typeof(Delegate).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && m.Name is not ("DisposeAsync" or "GetAsyncEnumerator" or "ToString" or "Equals" or "GetHashCode" or "Dispose" or "Deconstruct" or "<Clone>$"))
            .Where(m => IsAsync(m.ReturnType) || IsMockable(m));

    private static bool IsMockable(MethodInfo m) =>
        m.IsVirtual && !m.IsFinal && !m.IsAbstract && m.DeclaringType!.IsClass && m.DeclaringType.GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is { IsFamily: true };

    private static bool IsAsync(Type type)
    {
        if (type == typeof(Task) || type == typeof(ValueTask))
        {
            return true;
        }

        if (!type.IsGenericType)
        {
            return type.BaseType is { } b && b != typeof(object) && IsAsync(b);
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(Task<>) || definition == typeof(ValueTask<>) || definition == typeof(IAsyncEnumerable<>) || definition == typeof(RaviAsyncPageable<>);
    }

    private static Dictionary<string, XElement> LoadDocs(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        return XDocument.Load(path).Descendants("member").ToDictionary(m => (string)m.Attribute("name")!);
    }

    /// <summary>The exception crefs of a method's docs, following <c>&lt;inheritdoc/&gt;</c> to the interface or base member.</summary>
    private static HashSet<string> Exceptions(Dictionary<string, XElement> docs, MethodInfo method)
    {
        if (!docs.TryGetValue(DocId(method), out var doc))
        {
            return [];
        }

        var crefs = doc.Elements("exception").Select(e => (string)e.Attribute("cref")!).ToHashSet(StringComparer.Ordinal);
        if (crefs.Count == 0 && doc.Element("inheritdoc") is not null)
        {
            foreach (var inherited in Inherited(method))
            {
                crefs.UnionWith(Exceptions(docs, inherited));
            }
        }

        return crefs;
    }

    private static IEnumerable<MethodInfo> Inherited(MethodInfo method)
    {
        if (method.GetBaseDefinition() is { } b && b != method)
        {
            yield return b;
        }

        foreach (var i in method.DeclaringType!.GetInterfaces())
        {
            var map = method.DeclaringType.GetInterfaceMap(i);
            var at = Array.IndexOf(map.TargetMethods, method);
            if (at >= 0)
            {
                yield return map.InterfaceMethods[at];
            }
        }
    }

    private static string DocId(MethodInfo method)
    {
        var type = TypeName(method.DeclaringType!, definition: true);
        var generic = method.IsGenericMethod ? "``" + method.GetGenericArguments().Length : "";
        var parameters = method.GetParameters();
        var args = parameters.Length == 0 ? "" : "(" + string.Join(",", parameters.Select(p => TypeName(p.ParameterType, definition: false))) + ")";
        return $"M:{type}.{method.Name}{generic}{args}";
    }

    private static string TypeName(Type type, bool definition)
    {
        if (type.IsByRef)
        {
            return TypeName(type.GetElementType()!, false) + "@";
        }

        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!, false) + "[]";
        }

        if (type.IsGenericMethodParameter)
        {
            return "``" + type.GenericParameterPosition;
        }

        if (type.IsGenericTypeParameter)
        {
            return "`" + type.GenericParameterPosition;
        }

        var name = (type.Namespace is null ? "" : type.Namespace + ".") + NestedName(type);
        if (!type.IsGenericType)
        {
            return name;
        }

        var tick = name.IndexOf('`', StringComparison.Ordinal);
        var bare = tick < 0 ? name : name[..tick];
        if (definition)
        {
            return name;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return "System.Nullable{" + TypeName(underlying, false) + "}";
        }

        return bare + "{" + string.Join(",", type.GetGenericArguments().Select(a => TypeName(a, false))) + "}";
    }

    private static string NestedName(Type type) => type.DeclaringType is { } outer ? NestedName(outer) + "." + type.Name : type.Name;
}
