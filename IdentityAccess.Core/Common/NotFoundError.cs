namespace IdentityAccess.Core.Common;

/// <summary>Refused because what the action names does not exist, or is none of the acting person's business.</summary>
public abstract record NotFoundError(string Message) : Error(Message)
{
    public sealed override RefusalCategory Category => RefusalCategory.NotFound;
}
