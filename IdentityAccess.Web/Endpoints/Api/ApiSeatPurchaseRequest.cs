namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>The body of a seat purchase: the new total of seats bought in the pool, not the number to add.</summary>
internal sealed record ApiSeatPurchaseRequest(int? Purchased);
