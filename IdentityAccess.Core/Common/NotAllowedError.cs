namespace IdentityAccess.Core.Common;

/// <summary>Refused because of who is asking, or of what the plan allows.</summary>
public abstract record NotAllowedError(string Message) : Error(Message)
{
    public sealed override RefusalCategory Category => RefusalCategory.NotAllowed;
}
