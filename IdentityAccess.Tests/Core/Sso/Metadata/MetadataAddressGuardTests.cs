using System.Net;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.Metadata;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Sso.Metadata;

/// <summary>
/// The server-side request forgery a metadata URL would allow: a parent admin naming the portal's loopback, its
/// private network or the cloud's instance metadata. Refused before a byte is sent, unless the operator allowed it.
/// </summary>
public sealed class MetadataAddressGuardTests(SqlitePortalFixture portal) : IClassFixture<SqlitePortalFixture>
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.0.0.5")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")] // the cloud's instance metadata
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("::ffff:127.0.0.1")] // IPv4-mapped loopback
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a00:1")] // NAT64 onto 10.0.0.1
    public void IsPublic_LoopbackPrivateLinkLocalAndSpecial_False(string address) =>
        Assert.False(MetadataAddressGuard.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("20.190.128.1")] // login.microsoftonline.com's range
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700::1111")]
    public void IsPublic_InternetAddresses_True(string address) =>
        Assert.True(MetadataAddressGuard.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")] // a name that resolves to loopback: the address connected to is what is checked
    public async Task ImportFromUrl_ParentAdminNamesALoopbackAddress_RefusedAndNothingFetchedOrStored(string host)
    {
        await using var server = await MetadataServer.StartAsync();
        var url = new UriBuilder(server.Url) { Host = host }.Uri.AbsoluteUri;
        var alice = portal.Demo.Person("alice@acme.test");

        var refused = await portal.Factory.Services.GetRequiredService<SamlMetadataRefreshService>()
            .ImportFromUrlAsync(portal.Demo.AcmeParent, url, SamlAttributePreset.Okta, alice);

        var error = Assert.IsType<MetadataFetchFailed>(refused);
        Assert.Contains("does not fetch metadata from", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.RequestCount);
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.False(await db.SamlMetadataSources.AnyAsync());
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == "sso.metadata-url-set"));
    }
}
