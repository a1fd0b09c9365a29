namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>A DNS TXT record at <paramref name="Name"/> whose value is <paramref name="Value"/>: it proves the parent controls the domain.</summary>
internal sealed record ApiTxtRecord(string Name, string Value)
{
    public string Type => "TXT";
}
