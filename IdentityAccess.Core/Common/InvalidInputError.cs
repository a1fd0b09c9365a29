namespace IdentityAccess.Core.Common;

/// <summary>Refused because a value given breaks a rule; <paramref name="Field"/> names it, so a form can show the message beside it.</summary>
public abstract record InvalidInputError(string Field, string Message) : Error(Message)
{
    public sealed override RefusalCategory Category => RefusalCategory.InvalidInput;
}
