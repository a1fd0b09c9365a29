using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Web.Components.DirectorySync;
using IdentityAccess.Web.Endpoints.Api.Logs;
using IdentityAccess.Web.Endpoints.Export;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace IdentityAccess.Tests.Web.Endpoints.DirectorySync;

/// <summary>An exported row's channel, and the API's, is the word the log's <c>?channel=</c> filter takes back, for every channel.</summary>
public sealed class ProvisioningLogChannelWordTests
{
    public static TheoryData<ProvisioningLogChannel> Channels => new(Enum.GetValues<ProvisioningLogChannel>());

    [Theory]
    [MemberData(nameof(Channels))]
    public void ChannelWord_ParsesBackAsTheSameChannel(ProvisioningLogChannel channel)
    {
        var word = DirectorySyncLabels.ChannelWord(channel);

        var (parsed, refusal) = LogFilters.ReadProvisioning(new QueryCollection(new Dictionary<string, StringValues> { ["channel"] = word }));

        Assert.Null(refusal);
        Assert.Equal(channel, parsed!.Channel);
        Assert.Equal(word, ApiProvisioningLogEntry.From(new ProvisioningLogEntry { Channel = channel }).Channel);
        Assert.Matches("^[a-z]+$", word);
    }
}
