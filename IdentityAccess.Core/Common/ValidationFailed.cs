using System.Globalization;

namespace IdentityAccess.Core.Common;

/// <summary>
/// Input that breaks a domain rule, such as a role the organization's product does not have: the rule broken and its
/// arguments, for the portal to say in the reader's language, and the English sentence for the command line and logs.
/// </summary>
public sealed record ValidationFailed : InvalidInputError
{
    public ValidationFailed(string field, ValidationRule rule, params object?[] arguments)
        : base(field, string.Format(CultureInfo.InvariantCulture, English(rule), arguments))
    {
        Rule = rule;
        Arguments = arguments;
    }

    public ValidationRule Rule { get; }

    /// <summary>The values the sentence names, in the order of its placeholders.</summary>
    public IReadOnlyList<object?> Arguments { get; }

    // The same rule broken the same way is one refusal (a list of them is made distinct), whatever array holds the arguments.
    public bool Equals(ValidationFailed? other) => other is not null && Field == other.Field && Rule == other.Rule && Message == other.Message;

    public override int GetHashCode() => HashCode.Combine(Field, Rule, Message);

    /// <summary>The English sentence of each rule, with its arguments as placeholders.</summary>
    public static string English(ValidationRule rule) => rule switch
    {
        ValidationRule.EmailRequired => "Enter an email address, such as name@example.com.",
        ValidationRule.DisplayNameRequired => "Enter the person's name (at most 200 characters).",
        ValidationRule.ParentAdminEmailRequired => "Enter the email of the person to make a parent admin.",
        ValidationRule.RoleNotInProduct => "{0} is not a role of {1} organizations.",
        ValidationRule.TierRequired => "Chat organization members need a seat tier.",
        ValidationRule.NoSeatTiers => "Console organizations have no seat tiers.",
        ValidationRule.NoSeatTierMappings => "Console organizations have no seat tiers; remove the seat tier mappings.",
        ValidationRule.BreakGlassNotTopMember => "The break-glass owner must be a current member with the top role.",
        ValidationRule.SeatsOutOfRange => "Enter a number of seats from 0 to {0:N0}.",
        ValidationRule.NoSeatsToChange => "{0} has no seats to change.",
        ValidationRule.NoTierSeatsToChange => "{0} has no {1} seats to change.",
        ValidationRule.OrganizationNameRequired => "Enter the organization's name.",
        ValidationRule.OrganizationNameTooLong => "The organization's name can be at most {0} characters.",
        ValidationRule.ParentNameRequired => "Enter the parent organization's name.",
        ValidationRule.ParentNameTooLong => "The parent organization's name can be at most {0} characters.",
        ValidationRule.PlanRequired => "Choose Claude Team, Claude Enterprise or Console.",
        ValidationRule.ChatSeatsOnly => "Chat organizations buy Premium and Standard seats.",
        ValidationRule.PremiumSeatRequired => "Buy at least 1 Premium seat: you take one as the Owner.",
        ValidationRule.ConsoleSeatRequired => "Buy at least 1 seat: you take one as the Admin.",
        ValidationRule.PlanCannotJoinParent => "A {0} organization cannot be joined to a {1} parent organization.",
        ValidationRule.ParentPlanRequired => "Choose Enterprise or Team.",
        ValidationRule.ParentIdRequired => "Paste the parent organization's id, as shown on its page.",
        ValidationRule.DomainRequired => "Type the email domain, such as contoso.com.",
        ValidationRule.DomainNotValid => "'{0}' is not a valid domain name.",
        ValidationRule.DomainNotLikeExample => "'{0}' is not a domain name like contoso.com.",
        ValidationRule.DomainIsIpAddress => "Use a domain name, not an IP address.",
        ValidationRule.DomainLookupFailed => "{0}",
        ValidationRule.DomainTxtRecordMissing => "No TXT record at {0} yet. DNS changes can take a while to appear.",
        ValidationRule.DomainTxtRecordDifferent => "{0} TXT record(s) at {1}, none with the value {2}.",
        ValidationRule.DomainFoundButVerifiedElsewhere => "Found, but another organization verified this domain first.",
        ValidationRule.FilterNotBoolean => "'{0}' must be true or false.",
        ValidationRule.FilterNotStatusCode => "'{0}' must be an HTTP status code, 100 to 599.",
        ValidationRule.FilterNotOneOf => "'{0}' must be one of: {1}.",
    };
}
