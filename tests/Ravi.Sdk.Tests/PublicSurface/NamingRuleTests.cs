using System.Reflection;
using System.Text.RegularExpressions;
using Ravi.Sdk.Events;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.Tests.PublicSurface;

/// <summary>
/// The naming sheet (CONTRIBUTING.md, "Naming sheet"), checked: the <c>Ravi</c> prefix rule, every sub-client in
/// <c>Ravi.Sdk.Resources</c>, and folders that match namespaces.
/// </summary>
public sealed partial class NamingRuleTests
{
    /// <summary>Namespaces of the API's domain: named as the API names things, no prefix.</summary>
    private static readonly HashSet<string> DomainNamespaces = ["Ravi.Sdk.Models", "Ravi.Sdk.Resources", "Ravi.Sdk.Otp", "Ravi.Sdk.Totp"];

    private static readonly Assembly[] Shipped = [typeof(RaviClient).Assembly, typeof(RaviTestServer).Assembly];

    [Fact]
    public void Machinery_is_prefixed_and_the_domain_is_not()
    {
        var wrong = new List<string>();
        foreach (var type in Shipped.SelectMany(a => a.GetExportedTypes()).Where(t => !t.IsNested))
        {
            var name = type.IsInterface ? type.Name[1..] : type.Name;
            var prefixed = name.StartsWith("Ravi", StringComparison.Ordinal);
            var domain = DomainNamespaces.Contains(type.Namespace!) || IsTypedEvent(type);
            if (prefixed == domain)
            {
                wrong.Add($"{type.FullName} ({(domain ? "domain: drop the prefix" : "machinery: add the prefix")})");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void Every_sub_client_lives_in_Ravi_Sdk_Resources()
    {
        var subClients = typeof(RaviClient).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.PropertyType)
            .Where(t => t.Name.EndsWith("Client", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(15, subClients.Count);
        Assert.All(subClients, t => Assert.Equal("Ravi.Sdk.Resources", t.Namespace));
    }

    [Fact]
    public void Folders_match_namespaces()
    {
        var src = Path.Combine(RepositoryFiles.Root, "src");
        var wrong = new List<string>();
        foreach (var project in new[] { "Ravi.Sdk", "Ravi.Sdk.Testing", "Ravi.Sdk.Agents" })
        {
            wrong.AddRange(Mismatches(Path.Combine(src, project), project, IsDocumentedException));
        }

        Assert.Empty(wrong);
    }

    /// <summary>
    /// The test projects follow the same rule (docs/development.md#test), and the folders of Ravi.Sdk.Tests mirror those
    /// of src/Ravi.Sdk, apart from <c>PublicSurface/</c> (rules over the whole surface) and <c>Support/</c> (shared helpers).
    /// </summary>
    [Fact]
    public void Test_folders_match_namespaces_and_mirror_src()
    {
        var tests = Path.Combine(RepositoryFiles.Root, "tests");
        var wrong = new List<string>();
        foreach (var root in Directory.EnumerateDirectories(tests))
        {
            var project = Path.GetFileName(root);
            if (File.Exists(Path.Combine(root, project + ".csproj")))
            {
                wrong.AddRange(Mismatches(root, project, static (_, _) => false));
            }
        }

        var srcFolders = Directory.EnumerateDirectories(Path.Combine(RepositoryFiles.Root, "src", "Ravi.Sdk")).Select(Path.GetFileName).ToHashSet();
        foreach (var directory in Directory.EnumerateDirectories(Path.Combine(tests, "Ravi.Sdk.Tests")))
        {
            var folder = Path.GetFileName(directory);
            if (folder is not ("bin" or "obj" or "PublicSurface" or "Support") && !srcFolders.Contains(folder)
                && Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories).Any())
            {
                wrong.Add($"tests/Ravi.Sdk.Tests/{folder}/: no src/Ravi.Sdk/{folder}/ to mirror");
            }
        }

        Assert.Empty(wrong);
    }

    /// <summary>Files under <paramref name="root"/> (bin/ and obj/ aside) whose namespace is not <paramref name="project"/> plus their folder.</summary>
    private static IEnumerable<string> Mismatches(string root, string project, Func<string, string, bool> allowed)
    {
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file);
            if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(relative)!;
            var expected = folder.Length == 0 ? project : project + "." + folder.Replace(Path.DirectorySeparatorChar, '.');
            var declared = NamespaceLine().Match(File.ReadAllText(file)).Groups[1].Value;
            if (declared != expected && !allowed(folder, declared))
            {
                yield return $"{project}/{relative}: namespace {declared}, folder says {expected}";
            }
        }
    }

    /// <summary>
    /// The two exceptions the naming sheet lists: the exceptions (<c>Exceptions/</c>) and the DI entry points
    /// (<c>DependencyInjection/</c>) are in the root namespace, or in <c>Microsoft.Extensions.DependencyInjection</c> for
    /// the <c>Add…</c> extension methods, so <c>using Ravi.Sdk;</c> and the usual DI namespace bring them.
    /// </summary>
    private static bool IsDocumentedException(string folder, string declared) =>
        (folder == "Exceptions" && declared == "Ravi.Sdk")
        || (folder == "DependencyInjection" && declared is "Ravi.Sdk" or "Microsoft.Extensions.DependencyInjection");

    private static bool IsTypedEvent(Type type) => type.IsSubclassOf(typeof(RaviEvent)) && type != typeof(RaviRawEvent);

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
