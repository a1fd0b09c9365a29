using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Operator;

namespace IdentityAccess.Tests.Web.Operator;

/// <summary>An operator command run on a started app's services, its standard output and error captured apart.</summary>
internal static class OperatorInProcess
{
    public static async Task<OperatorProcess.Run> RunAsync(PortalFixture portal, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await OperatorCommands.RunAsync(portal.Factory.Services, ["--Database:Provider", "Sqlite", "operator", .. args], output, error);
        return new OperatorProcess.Run(code, output.ToString(), error.ToString());
    }

}
