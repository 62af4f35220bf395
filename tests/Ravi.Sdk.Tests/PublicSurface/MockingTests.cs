using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using Ravi.Sdk.Internal;
using Ravi.Sdk.Models;
using Ravi.Sdk.Resources;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.PublicSurface;

/// <summary>
/// Item 7 of issue 12: every sub-client made for mocking fails clearly from a member it does not override, and no member
/// goes through another public virtual of its own class (so overriding one never changes another).
/// </summary>
public sealed class MockingTests
{
    private static readonly HashSet<string> Exempt = ["ToString", "Equals", "GetHashCode", "GetType", "Dispose", "IdentityUuid"];

    /// <summary>RaviClient and every class it hands out as a sub-client.</summary>
    private static readonly Type[] Types =
    [
        typeof(RaviClient),
        .. typeof(RaviClient).GetProperties()
            .Select(p => p.PropertyType)
            .Where(t => t.IsClass && t.Assembly == typeof(RaviClient).Assembly && t != typeof(RaviClient) && t != typeof(Uri)),
    ];

    public static TheoryData<Type> MockableTypes() => new(Types);

    [Fact]
    public void Every_sub_client_is_covered()
    {
        Assert.Equal(16, Types.Length);
        Assert.Contains("TotpClient", Types.Select(t => t.Name));
        Assert.Contains("OtpClient", Types.Select(t => t.Name));
    }

    [Theory]
    [MemberData(nameof(MockableTypes))]
    public async Task A_mock_fails_with_InvalidOperationException_naming_every_member_it_does_not_override(Type type)
    {
        var mock = Activator.CreateInstance(type, nonPublic: true)!;
        var members = 0;
        foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.IsVirtual && !m.IsFinal && m.DeclaringType == type))
        {
            var name = method.IsSpecialName ? method.Name[4..] : method.Name;
            if (Exempt.Contains(name))
            {
                continue;
            }

            var args = method.GetParameters().Select(p => p.ParameterType.IsValueType ? ValueFor(p.ParameterType) : null).ToArray();
            var error = await FailureOf(() => Invoke(method, mock, args));

            Assert.True(error is InvalidOperationException, $"{type.Name}.{name}: {error?.GetType().Name ?? "no exception"}");
            var ex = (InvalidOperationException)error!;
            Assert.Contains($"{type.Name}.{name} is not overridden", ex.Message, StringComparison.Ordinal);
            members++;
        }

        Assert.True(members > 0, $"{type.Name} has no virtual member");
    }

    [Theory]
    [MemberData(nameof(MockableTypes))]
    public void No_member_calls_another_public_virtual_member_of_its_own_class(Type type)
    {
        var virtuals = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.IsVirtual && !m.IsFinal && !Exempt.Contains(m.Name))
            .ToHashSet();
        var offenders = new List<string>();
        foreach (var (owner, callee) in Calls(type))
        {
            if (callee is MethodInfo m && virtuals.Contains(m.GetBaseDefinition() is var b && b.DeclaringType == type ? b : m) && callee != owner)
            {
                offenders.Add($"{owner.DeclaringType!.Name}.{owner.Name} → {callee.Name}");
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public async Task Overriding_one_method_does_not_change_its_convenience_overload()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, "api/vault/", """{"uuid":"3f2b8c1e-3333-4222-8333-944455556666","key":"K","value":"v"}""");
        h.Scoped.Encryption.UnlockWithPrivateKey(new byte[32]);
        var vault = new ThrowingSetVault(h.Scoped.Scope);

        var stored = await vault.SetAsync("K", "v");

        Assert.Equal("K", stored.Key);
        Assert.Single(h.Requests);
    }

    private sealed class ThrowingSetVault(RaviScope scope) : VaultClient(scope)
    {
        public override Task<VaultSecret> SetAsync(VaultSecretRequest secret, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("the overload went through the overridden method");
    }

    private static object? ValueFor(Type type) => type == typeof(ReadOnlySpan<byte>) ? null : Activator.CreateInstance(type);

    private static object? Invoke(MethodInfo method, object target, object?[] args)
    {
        if (method.GetParameters().Any(p => p.ParameterType == typeof(ReadOnlySpan<byte>)))
        {
            // A span cannot be boxed: call the one such member directly.
            return target is Ravi.Sdk.Resources.EncryptionClient e ? Call(() => e.UnlockWithPrivateKey(ReadOnlySpan<byte>.Empty)) : throw new InvalidOperationException();
        }

        return method.Invoke(target, args);
    }

    private static object? Call(Action action)
    {
        action();
        return null;
    }

    private static async Task<Exception?> FailureOf(Func<object?> call)
    {
        try
        {
            var result = call();
            switch (result)
            {
                case Task task:
                    await task;
                    break;
                case IAsyncDisposable:
                    break;
                case { } value when value.GetType().GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)) is { } enumerable:
                    var enumerator = enumerable.GetMethod("GetAsyncEnumerator")!.Invoke(value, [CancellationToken.None])!;
                    await (ValueTask<bool>)enumerator.GetType().GetMethod("MoveNextAsync")!.Invoke(enumerator, null)!;
                    break;
            }
        }
        catch (TargetInvocationException ex)
        {
            return ex.InnerException;
        }
        catch (Exception ex)
        {
            return ex;
        }

        return null;
    }

    /// <summary>Every method called (call, callvirt, newobj, ldftn) from the type's own code, its state machines and closures.</summary>
    private static IEnumerable<(MethodBase Owner, MethodBase Callee)> Calls(Type type)
    {
        var flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var bodies = new List<(MethodBase Owner, MethodBase Body)>();
        foreach (var method in type.GetMethods(flags).Cast<MethodBase>().Concat(type.GetConstructors(flags)))
        {
            bodies.Add((method, method));
            var machine = method.GetCustomAttribute<StateMachineAttribute>()?.StateMachineType;
            if (machine?.GetMethod("MoveNext", flags) is { } moveNext)
            {
                bodies.Add((method, moveNext));
            }
        }

        foreach (var nested in type.GetNestedTypes(BindingFlags.NonPublic).Where(t => t.IsDefined(typeof(CompilerGeneratedAttribute)) && !typeof(IAsyncStateMachine).IsAssignableFrom(t)))
        {
            foreach (var method in nested.GetMethods(flags))
            {
                bodies.Add((method, method));
            }
        }

        foreach (var (owner, body) in bodies)
        {
            foreach (var callee in CalledMethods(body))
            {
                yield return (owner, callee);
            }
        }
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    private static IEnumerable<MethodBase> CalledMethods(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var generic = method.DeclaringType!.IsGenericType ? method.DeclaringType.GetGenericArguments() : null;
        var methodGeneric = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            var op = OpCodesByValue[value];
            i += op.Size;
            var operand = op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
            if (op.OperandType == OperandType.InlineMethod)
            {
                var token = BitConverter.ToInt32(il, i);
                MethodBase? callee = null;
                try
                {
                    callee = method.Module.ResolveMethod(token, generic, methodGeneric);
                }
                catch (ArgumentException)
                {
                }

                if (callee is not null)
                {
                    yield return callee;
                }
            }

            i += operand;
        }
    }
}
