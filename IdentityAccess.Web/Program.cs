using IdentityAccess.Core;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Web.Auth;
using IdentityAccess.Web.Components;
using IdentityAccess.Web.Components.DevMailbox;
using IdentityAccess.Web.Components.Shared;
using IdentityAccess.Web.Configuration;
using IdentityAccess.Web.DemoIdp;
using IdentityAccess.Web.Endpoints.Api;
using IdentityAccess.Web.Endpoints.Api.Idempotency;
using IdentityAccess.Web.Endpoints.Api.RateLimits;
using IdentityAccess.Web.Endpoints.Audit;
using IdentityAccess.Web.Endpoints.DirectorySync;
using IdentityAccess.Web.Endpoints.Invitations;
using IdentityAccess.Web.Endpoints.Members;
using IdentityAccess.Web.Endpoints.Saml;
using IdentityAccess.Web.Endpoints.Scim;
using IdentityAccess.Web.Endpoints.SignInLinks;
using IdentityAccess.Web.ErrorPages;
using IdentityAccess.Web.Health;
using IdentityAccess.Web.Localization;
using IdentityAccess.Web.Operator;
using IdentityAccess.Web.Startup;
using IdentityAccess.Web.Telemetry;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.UseTopLevelAppSettings();
if (OperatorCommands.IsOperatorCommand(args))
{
    // An operator command's answer is its standard output (scripts read it); every log line goes to standard error.
    builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
}

builder.Services.AddIdentityAccessCore(builder.Configuration);
builder.Services.AddPortalDataProtection(builder.Configuration, builder.Environment);
builder.Services.AddScimProvisioningLog();
builder.Services.AddScimEndpoints();
builder.Services.AddManagementApi();
builder.Services.AddSamlEndpoints();
builder.Services.AddDemoIdentityProvider(builder.Environment);
builder.Services.AddAdminSignIn(builder.Configuration);
builder.Services.AddHealth();
builder.Services.AddSecurityHeaders();
builder.AddPortalTelemetry(); // nothing unless OTEL_EXPORTER_OTLP_ENDPOINT is set (docs/deployment.md)
// Confirmations at the bottom right, where they never cover a page's action buttons.
builder.Services.AddPortalLocalization();
builder.Services.AddMudServices(mud => mud.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
// The prerendered pages' state comes back in the circuit's first message: the hub takes what their budget allows.
builder.Services.AddRazorComponents().AddInteractiveServerComponents()
    .AddHubOptions(hub => hub.MaximumReceiveMessageSize = PrerenderBudget.HubMessageLimit);

var app = builder.Build();

app.UseSecurityHeaders(app.Environment);
// First, so error and not-found pages speak the person's language too; not for SCIM, a machine's protocol that parses
// and formats in the invariant culture whatever the IdP's Accept-Language says.
app.UseWhen(http => !http.Request.Path.StartsWithSegments("/scim"), branch => branch.UseRequestLocalization());
app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseStatusCodePagesForPageRequestsOnly();
app.UseApiProblems();
app.UseScim();
app.UseAuthentication();
app.UseManagementApiRateLimits(); // before authorization, so requests without a valid key are limited too
app.UseAuthorization();
app.UseIdempotencyKeys(); // after authorization: a key's answers are replayed only to that key
app.UseRateLimiter(); // after authorization: the SCIM policy partitions by the authenticated directory
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealth();
app.MapSignInEndpoints(app.Configuration);
app.MapLanguageEndpoints();
app.MapScimEndpoints();
app.MapSamlEndpoints();
app.MapDemoIdentityProvider(app.Environment);
app.MapMeEndpoint();
app.MapManagementApi();
app.MapMemberExportEndpoints();
app.MapProvisioningLogExportEndpoints();
app.MapAuditLogExportEndpoints();
app.MapSignInLinkEndpoints();
app.MapInvitationEndpoints();
app.MapDevMailbox(app.Environment);
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => SecurityHeaders.ConfigureFrameAncestors(o, app.Environment));

if (OperatorCommands.IsOperatorCommand(args))
{
    // Disposed before the process exits: the console logger writes from a queue, and only its disposal waits for the
    // queue to drain (without it the command's last log lines could be lost; seen in CI).
    await using (app)
    {
        return await OperatorCommands.RunAsync(app.Services, args, Console.Out, Console.Error);
    }
}

await app.PrepareDatabaseAsync();
await app.RunAsync();
return 0;
