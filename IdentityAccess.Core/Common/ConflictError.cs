namespace IdentityAccess.Core.Common;

/// <summary>Refused because of the state things are in: it already exists, it changed meanwhile, it would leave no Owner.</summary>
public abstract record ConflictError(string Message) : Error(Message)
{
    public sealed override RefusalCategory Category => RefusalCategory.Conflict;
}
