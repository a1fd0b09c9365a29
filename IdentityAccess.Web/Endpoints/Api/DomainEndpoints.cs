using System.ComponentModel;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Sso.Domains;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// <c>/api/v1/domains</c>: the key's parent's email domains, as the domains panel lists, adds, verifies and removes
/// them, through the same service and permission (<see cref="DomainService"/>: parent admins change them). A domain
/// routes sign-ins for every organization of the parent, so a key limited to some organizations may not touch them (403).
/// </summary>
internal static class DomainEndpoints
{
    private const string Tag = "Domains";

    private const string Reach = "email domains route the sign-ins of every organization of the parent";

    public static RouteGroupBuilder MapDomainEndpoints(this RouteGroupBuilder api)
    {
        var domains = api.MapGroup("/domains").WithTags(Tag);
        domains.MapGet("", ListAsync)
            .WithName("ListDomains")
            .WithSummary("List the parent's email domains")
            .WithDescription("Each domain's `status` (`Pending` or `Verified`), the `txtRecord` to publish while it is pending, when it was verified " +
                "and what the last check found (`lastCheck.code`). A key limited to some organizations gets 403: domains are the whole parent's.")
            .Produces<ApiList<ApiDomain>>();
        domains.MapPost("", AddAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("AddDomain")
            .WithSummary("Add an email domain")
            .WithDescription("Adds the domain as `Pending`, with the TXT record to publish on it (`txtRecord`); then call verify. Refused as in the " +
                "portal: not a domain name (400 `DomainNotLikeExample`, `DomainIsIpAddress`…), already listed (409 `DomainAlreadyListed`), " +
                "verified by another organization (409 `DomainVerifiedElsewhere`). Needs a read-write key whose creator is a parent admin.")
            .Accepts<ApiNewDomainRequest>("application/json")
            .Produces<ApiDomain>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        domains.MapPost("/{domainId:guid}/verify", VerifyAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("VerifyDomain")
            .WithSummary("Check a domain's TXT record now")
            .WithDescription("Looks the TXT record up in DNS now, as the panel's Verify does; the domain becomes `Verified` when the value is there. " +
                "Whatever DNS answered is a 200: `verified` says the outcome and `check` what was found (`TxtRecordMissing`, `TxtRecordDifferent`, " +
                "`DomainDoesNotExist`, `DnsNoAnswer`, `VerifiedElsewhere`…). Needs a read-write key.")
            .Produces<ApiDomainVerification>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        domains.MapGet("/{domainId:guid}/removal-impact", RemovalImpactAsync)
            .WithName("GetDomainRemovalImpact")
            .WithSummary("What removing a domain would cut off")
            .WithDescription("The members and directory people at the domain, whether SSO is on, whether it is the last verified domain, as the " +
                "portal's removal dialog shows them; `confirm` is what removing it needs sent (its name), when people depend on it.")
            .Produces<ApiDomainRemovalImpact>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        domains.MapDelete("/{domainId:guid}", RemoveAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("RemoveDomain")
            .WithSummary("Remove an email domain")
            .WithDescription("A verified domain people sign in through is removed only with `confirm` set to its name, as the portal asks it typed " +
                "(else 400 `DomainRemovalNotConfirmed`); see removal-impact. Its TXT value is kept 30 days, so adding it again needs no DNS change. " +
                "Needs a read-write key.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, DomainService domains)
    {
        if (ApiParentResources.KeyLimitedRefusal(http, Reach) is { } refused)
        {
            return refused;
        }

        var caller = http.RequiredApiCaller();
        return await domains.ListForParentAsync(caller.ParentId, caller.PersonId, http.RequestAborted) is { } listed
            ? Results.Ok(new ApiList<ApiDomain>([.. listed.Select(ApiDomain.From)], null))
            : ApiParentResources.CreatorMayNotView();
    }

    private static async Task<IResult> AddAsync(ApiNewDomainRequest body, HttpContext http, DomainService domains)
    {
        if (ApiParentResources.KeyLimitedRefusal(http, Reach) is { } refused)
        {
            return refused;
        }

        var caller = http.RequiredApiCaller();
        if (await domains.AddAsync(caller.ParentId, body.Domain ?? "", caller.PersonId, http.RequestAborted) is { } error)
        {
            return ApiRefusals.Problem(error);
        }

        var name = DomainChallenge.Normalize(body.Domain).Domain;
        var added = (await domains.ListForParentAsync(caller.ParentId, caller.PersonId, http.RequestAborted))?.SingleOrDefault(d => d.Domain == name);
        return added is null ? ApiRefusals.Problem(new DomainNotListed()) : Results.Json(ApiDomain.From(added), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> VerifyAsync([Description(DomainIdText)] Guid domainId, HttpContext http, DomainService domains)
    {
        if (ApiParentResources.KeyLimitedRefusal(http, Reach) is { } refused)
        {
            return refused;
        }

        var caller = http.RequiredApiCaller();
        var error = await domains.VerifyAsync(caller.ParentId, domainId, caller.PersonId, http.RequestAborted);
        if (error is not null && !IsCheckOutcome(error))
        {
            return ApiRefusals.Problem(error);
        }

        // What the check found is kept with the domain (as a code), whichever way it went.
        var domain = (await domains.ListForParentAsync(caller.ParentId, caller.PersonId, http.RequestAborted))?.SingleOrDefault(d => d.Id == domainId);
        return domain is null
            ? ApiRefusals.Problem(new DomainNotListed())
            : Results.Ok(new ApiDomainVerification(domain.Status == DomainStatus.Verified, ApiDomainCheck.From(domain.LastCheckResult), ApiDomain.From(domain)));
    }

    private static async Task<IResult> RemovalImpactAsync([Description(DomainIdText)] Guid domainId, HttpContext http, DomainService domains)
    {
        if (ApiParentResources.KeyLimitedRefusal(http, Reach) is { } refused)
        {
            return refused;
        }

        var caller = http.RequiredApiCaller();
        var (impact, error) = await domains.PreviewRemovalAsync(caller.ParentId, domainId, caller.PersonId, http.RequestAborted);
        return impact is null ? ApiRefusals.Problem(error ?? new DomainNotListed()) : Results.Ok(ApiDomainRemovalImpact.From(impact));
    }

    private static async Task<IResult> RemoveAsync([Description(DomainIdText)] Guid domainId,
        [Description("The domain's name, when people sign in through it (removal-impact's `confirm`), as the portal asks it typed.")] string? confirm,
        HttpContext http, DomainService domains)
    {
        if (ApiParentResources.KeyLimitedRefusal(http, Reach) is { } refused)
        {
            return refused;
        }

        // As the portal: the impact first, so a domain that is not the parent's is a 404 (the removal itself takes one
        // already gone as done), then the removal, which checks the confirmation against the impact as it is then.
        var caller = http.RequiredApiCaller();
        var (impact, error) = await domains.PreviewRemovalAsync(caller.ParentId, domainId, caller.PersonId, http.RequestAborted);
        if (impact is null)
        {
            return ApiRefusals.Problem(error ?? new DomainNotListed());
        }

        error = await domains.RemoveAsync(caller.ParentId, domainId, caller.PersonId, confirm, http.RequestAborted);
        return error is null ? Results.NoContent() : ApiRefusals.Problem(error);
    }

    /// <summary>A check that ran and found the record missing, different or another parent's: an answer, not a refusal of the request.</summary>
    private static bool IsCheckOutcome(Error error) => error is ValidationFailed
    {
        Rule: ValidationRule.DomainLookupFailed or ValidationRule.DomainTxtRecordMissing or ValidationRule.DomainTxtRecordDifferent
            or ValidationRule.DomainFoundButVerifiedElsewhere,
    };

    private const string DomainIdText = "The domain's id, as the domain list gives it.";
}
