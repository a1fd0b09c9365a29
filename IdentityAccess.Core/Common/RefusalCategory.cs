namespace IdentityAccess.Core.Common;

/// <summary>The closed set of ways an action is refused; each maps to one HTTP status, one exit code, one kind of alert.</summary>
public enum RefusalCategory
{
    /// <summary>The acting person's roles, or the plan, do not allow it (HTTP 403).</summary>
    NotAllowed,

    /// <summary>What the action names does not exist, or is invisible to the acting person (HTTP 404).</summary>
    NotFound,

    /// <summary>The current state forbids it: already exists, changed meanwhile, would leave no Owner (HTTP 409).</summary>
    Conflict,

    /// <summary>The input breaks a rule; <see cref="InvalidInputError.Field"/> names the field (HTTP 400).</summary>
    InvalidInput,
}
