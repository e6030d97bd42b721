using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Moq;
using NSubstitute;
using Secured;
using Xunit;

namespace OpenApiClientGen.EndToEnd.Tests.Faking;

/// <summary>
/// A user's code takes the generated client; its tests hand it a Moq or NSubstitute double, as the README shows,
/// and nothing is sent anywhere.
/// </summary>
public sealed class FakingTests
{
    [Fact]
    public async Task Moq_fakes_a_group_method_and_a_stream_method()
    {
        var items = new Mock<ItemsClient>();
        items.Setup(i => i.GetItemAsync("7", It.IsAny<CancellationToken>())).ReturnsAsync(new Item { Name = "Lamp" });
        var events = new Mock<EventsClient>();
        events.Setup(e => e.StreamEventsAsync(It.IsAny<CancellationToken>())).Returns(Items("first", "second"));
        var client = new Mock<SecuredClient>();
        client.Setup(c => c.Items).Returns(items.Object);
        client.Setup(c => c.Events).Returns(events.Object);

        var report = new ItemReport(client.Object);

        Assert.Equal("item 7 is Lamp", await report.DescribeAsync("7"));
        Assert.Equal(new[] { "first", "second" }, await report.EventNamesAsync());
        items.Verify(i => i.GetItemAsync("7", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task NSubstitute_fakes_a_group_method_and_a_stream_method()
    {
        var items = Substitute.For<ItemsClient>();
        items.GetItemAsync("7", Arg.Any<CancellationToken>()).Returns(new Item { Name = "Lamp" });
        var events = Substitute.For<EventsClient>();
        events.StreamEventsAsync(Arg.Any<CancellationToken>()).Returns(Items("first", "second"));
        var client = Substitute.For<SecuredClient>();
        client.Items.Returns(items);
        client.Events.Returns(events);

        var report = new ItemReport(client);

        Assert.Equal("item 7 is Lamp", await report.DescribeAsync("7"));
        Assert.Equal(new[] { "first", "second" }, await report.EventNamesAsync());
        await items.Received(1).GetItemAsync("7", Arg.Any<CancellationToken>());
    }

    [Fact]
    public void A_faked_client_can_be_disposed()
    {
        // Code under test often owns the client in a using block.
        new Mock<SecuredClient>().Object.Dispose();
        Substitute.For<SecuredClient>().Dispose();
    }

    private static async IAsyncEnumerable<Item> Items(params string[] names)
    {
        foreach (string name in names)
        {
            await Task.Yield();
            yield return new Item { Name = name };
        }
    }

    /// <summary>The code under test: it knows only the generated client.</summary>
    private sealed class ItemReport(SecuredClient client)
    {
        public async Task<string> DescribeAsync(string id, CancellationToken cancellationToken = default) =>
            $"item {id} is {(await client.Items.GetItemAsync(id, cancellationToken)).Name}";

        public async Task<List<string?>> EventNamesAsync(CancellationToken cancellationToken = default)
        {
            var names = new List<string?>();
            await foreach (Item item in client.Events.StreamEventsAsync(cancellationToken))
            {
                names.Add(item.Name);
            }

            return names;
        }
    }
}
