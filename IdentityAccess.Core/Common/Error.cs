namespace IdentityAccess.Core.Common;

/// <summary>
/// A reason an operation was refused, phrased for the person who asked for it. Every refusal belongs to one of four
/// <see cref="RefusalCategory"/> categories through its base record (<see cref="NotAllowedError"/>,
/// <see cref="NotFoundError"/>, <see cref="ConflictError"/>, <see cref="InvalidInputError"/>): pages, endpoints and the
/// operator command line map the category (a status code, an exit code, an alert), never the sentence.
/// </summary>
public abstract record Error(string Message)
{
    public abstract RefusalCategory Category { get; }
}
