using System.Reflection;
using System.Xml.Linq;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Localization;

namespace IdentityAccess.Tests.Web.Localization;

/// <summary>
/// Every refusal Core can return has its words in the portal, found by reflection so that a new record cannot be
/// forgotten; and the English words, filled with a record's values, are exactly the record's own English
/// <see cref="Error.Message"/>, so English stays one text whether the portal or the command line says it.
/// </summary>
public sealed class RefusalWordsTests
{
    private static readonly HashSet<string> _englishKeys = XDocument.Load(Path.Combine(RepositoryRoot.Path, "IdentityAccess.Web", "Localization", "Portal.resx"))
        .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    private static readonly NullabilityInfoContext _nullability = new();

    public static TheoryData<string> ConcreteErrors() => [.. ConcreteErrorTypes().Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(ConcreteErrors))]
    public void EveryConcreteErrorInCore_HasItsKeys(string typeName)
    {
        // A mode that is not available says why with the words the mode select already uses.
        var prefix = typeName == nameof(ModeNotAvailable) ? "Mode.Unavailable" : $"Refusal.{typeName}";
        Assert.True(_englishKeys.Any(key => key == prefix || key.StartsWith(prefix + ".", StringComparison.Ordinal)),
            $"{typeName} has no key {prefix} in Portal.resx: add its words and an arm in RefusalWords.Refusal");
    }

    [Fact]
    public void ThereAreAsManyRefusalsAsCoreDeclares()
    {
        Assert.True(ConcreteErrorTypes().Count() > 80, "the reflection found too few Error records: has Core's assembly moved?");
    }

    [Theory]
    [MemberData(nameof(ConcreteErrors))]
    public void EnglishWords_FilledWithTheRecordsValues_AreItsMessage(string typeName)
    {
        using var language = Localizers.UiCulture("en");
        var localizer = Localizers.Portal();
        var samples = Samples(ConcreteErrorTypes().Single(t => t.Name == typeName)).ToList();

        Assert.NotEmpty(samples);
        Assert.All(samples, error => Assert.Equal(error.Message, localizer.Refusal(error)));
    }

    [Theory]
    [InlineData("pt-BR")]
    [InlineData("id")]
    public void EveryRefusal_IsSaidInTheLanguage_NotInEnglish(string culture)
    {
        using var language = Localizers.UiCulture(culture);
        var localizer = Localizers.Portal();
        // Records whose whole sentence is free text from outside (a DNS error) are the same in every language.
        var samples = ConcreteErrorTypes().SelectMany(Samples)
            .Where(error => error is not ValidationFailed { Rule: ValidationRule.DomainLookupFailed }).ToList();

        var english = samples.Where(error => localizer.Refusal(error) == error.Message).Select(error => $"{error.GetType().Name}: {error.Message}").ToList();
        Assert.True(english.Count == 0, $"still English in {culture}:\n" + string.Join("\n", english.Take(20)));
    }

    [Theory]
    [InlineData("en", "This is for the organization's Owners and Admins. Your role in Acme is User.")]
    [InlineData("pt-BR", "Isto é para os Owners e Admins da organização. Sua função em Acme é User.")]
    [InlineData("id", "Ini untuk Owner dan Admin organisasi. Peran Anda di Acme adalah User.")]
    public void AccessRefused_SaysWhoMay_InTheLanguage_WithTheRoleNamesInEnglish(string culture, string expected)
    {
        using var language = Localizers.UiCulture(culture);

        Assert.Equal(expected, Localizers.Portal().Refusal(AccessRefused.ForRole(Permission.ManageMembers, Product.Chat, "Acme", Role.User)));
    }

    [Theory]
    [InlineData("en", "Enter a number of seats from 0 to 100,000.")]
    [InlineData("pt-BR", "Digite um número de assentos de 0 a 100.000.")]
    [InlineData("id", "Masukkan jumlah kursi dari 0 hingga 100.000.")]
    public void Numbers_AreGroupedForTheReader(string culture, string expected)
    {
        using var language = Localizers.UiCulture(culture);

        Assert.Equal(expected, Localizers.Portal().Refusal(new ValidationFailed("purchased", ValidationRule.SeatsOutOfRange, 100_000)));
    }

    [Theory]
    [InlineData("en", 1, "This change removes or demotes 1 other person. Type 1 to confirm.")]
    [InlineData("en", 2, "This change removes or demotes 2 other people. Type 2 to confirm.")]
    [InlineData("en", 1200, "This change removes or demotes 1,200 other people. Type 1200 to confirm.")]
    [InlineData("pt-BR", 1, "Esta alteração remove ou rebaixa 1 outra pessoa. Digite 1 para confirmar.")]
    [InlineData("pt-BR", 2, "Esta alteração remove ou rebaixa 2 outras pessoas. Digite 2 para confirmar.")]
    [InlineData("pt-BR", 1200, "Esta alteração remove ou rebaixa 1.200 outras pessoas. Digite 1200 para confirmar.")]
    [InlineData("id", 1, "Perubahan ini menghapus atau menurunkan peran 1 orang lain. Ketik 1 untuk mengonfirmasi.")]
    public void ConfirmationRequired_SaysPersonOrPeople_AndTheNumberToTypeUngrouped(string culture, int affected, string expected)
    {
        using var language = Localizers.UiCulture(culture);

        Assert.Equal(expected, Localizers.Portal().Refusal(new ConfirmationRequired(affected)));
        if (culture == "en")
        {
            Assert.Equal(expected, new ConfirmationRequired(affected).Message);
        }
    }

    private static IEnumerable<Type> ConcreteErrorTypes() =>
        typeof(Error).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Error)) && !t.IsAbstract).OrderBy(t => t.Name);

    /// <summary>Instances of a refusal: each enum value, each nullable left null once, each count singular and plural.</summary>
    private static IEnumerable<Error> Samples(Type type)
    {
        if (type == typeof(AccessRefused))
        {
            foreach (var permission in Enum.GetValues<Permission>())
            {
                foreach (var product in Enum.GetValues<Product>())
                {
                    yield return AccessRefused.NotAMember(permission, product, "Acme");
                    foreach (var role in RoleCatalog.RolesOf(product))
                    {
                        yield return AccessRefused.ForRole(permission, product, "Acme", role);
                    }
                }

                yield return AccessRefused.NotParentAdmin(permission, "Acme Group");
            }

            yield break;
        }

        if (type == typeof(ModeNotAvailable))
        {
            foreach (var plan in Enum.GetValues<OrganizationPlan>())
            {
                foreach (var parent in Enum.GetValues<ParentPlan>())
                {
                    foreach (var mode in ProvisioningModePolicy.Evaluate(plan, parent).Where(m => !m.IsAllowed))
                    {
                        yield return new ModeNotAvailable(mode);
                    }
                }
            }

            yield break;
        }

        if (type == typeof(ValidationFailed))
        {
            foreach (var rule in Enum.GetValues<ValidationRule>())
            {
                yield return new ValidationFailed("field", rule, "Acme", "Premium", "identityaccess-domain-verification=abc");
                yield return new ValidationFailed("field", rule, 100_000, "Premium", "x");
            }

            yield break;
        }

        var constructor = type.GetConstructors().Single();
        var choices = constructor.GetParameters().Select((parameter, i) => ValuesFor(parameter, i)).ToList();
        foreach (var arguments in Combinations(choices))
        {
            yield return (Error)constructor.Invoke(arguments);
        }
    }

    private static IReadOnlyList<object?> ValuesFor(ParameterInfo parameter, int index)
    {
        var type = parameter.ParameterType;
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is { IsEnum: true })
        {
            return [null, .. Enum.GetValues(underlying).Cast<object>()];
        }

        if (type.IsEnum)
        {
            return [.. Enum.GetValues(type).Cast<object>()];
        }

        if (type == typeof(string))
        {
            var text = $"value{index}@acme.test";
            return _nullability.Create(parameter).WriteState == NullabilityState.Nullable ? [null, text] : [text];
        }

        if (type == typeof(int))
        {
            return [1, 12];
        }

        if (type == typeof(bool))
        {
            return [false, true];
        }

        if (type == typeof(Guid))
        {
            return [Guid.Empty];
        }

        throw new InvalidOperationException($"No sample value for {parameter.Member.DeclaringType!.Name}({type.Name} {parameter.Name}): add one here.");
    }

    private static IEnumerable<object?[]> Combinations(IReadOnlyList<IReadOnlyList<object?>> choices)
    {
        IEnumerable<object?[]> combined = [[]];
        foreach (var values in choices)
        {
            combined = combined.SelectMany(prefix => values.Select(value => (object?[])[.. prefix, value]));
        }

        return combined;
    }
}
