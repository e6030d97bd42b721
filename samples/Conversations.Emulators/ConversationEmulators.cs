using System;
using System.Threading.Tasks;

namespace Conversations.Emulators;

/// <summary>All four emulators, started together and stopped together.</summary>
public sealed class ConversationEmulators : IAsyncDisposable
{
    private ConversationEmulators(PipesHubEmulator pipesHub, PiecesEmulator pieces, OrqEmulator orq, MistralEmulator mistral)
    {
        PipesHub = pipesHub;
        Pieces = pieces;
        Orq = orq;
        Mistral = mistral;
    }

    public PipesHubEmulator PipesHub { get; }

    public PiecesEmulator Pieces { get; }

    public OrqEmulator Orq { get; }

    public MistralEmulator Mistral { get; }

    public static async Task<ConversationEmulators> StartAsync()
    {
        Task<PipesHubEmulator> pipesHub = PipesHubEmulator.StartAsync();
        Task<PiecesEmulator> pieces = PiecesEmulator.StartAsync();
        Task<OrqEmulator> orq = OrqEmulator.StartAsync();
        Task<MistralEmulator> mistral = MistralEmulator.StartAsync();
        return new ConversationEmulators(await pipesHub, await pieces, await orq, await mistral);
    }

    public async ValueTask DisposeAsync()
    {
        await PipesHub.DisposeAsync();
        await Pieces.DisposeAsync();
        await Orq.DisposeAsync();
        await Mistral.DisposeAsync();
    }
}
