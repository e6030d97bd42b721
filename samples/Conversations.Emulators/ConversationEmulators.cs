using System;
using System.Threading.Tasks;

namespace Conversations.Emulators;

/// <summary>All the emulators, started together and stopped together.</summary>
public sealed class ConversationEmulators : IAsyncDisposable
{
    private ConversationEmulators(PipesHubEmulator pipesHub, PiecesEmulator pieces, OrqEmulator orq, MistralEmulator mistral, OllamaEmulator ollama)
    {
        Ollama = ollama;
        PipesHub = pipesHub;
        Pieces = pieces;
        Orq = orq;
        Mistral = mistral;
    }

    public PipesHubEmulator PipesHub { get; }

    public PiecesEmulator Pieces { get; }

    public OrqEmulator Orq { get; }

    public MistralEmulator Mistral { get; }

    public OllamaEmulator Ollama { get; }

    public static async Task<ConversationEmulators> StartAsync()
    {
        Task<PipesHubEmulator> pipesHub = PipesHubEmulator.StartAsync();
        Task<PiecesEmulator> pieces = PiecesEmulator.StartAsync();
        Task<OrqEmulator> orq = OrqEmulator.StartAsync();
        Task<MistralEmulator> mistral = MistralEmulator.StartAsync();
        Task<OllamaEmulator> ollama = OllamaEmulator.StartAsync();
        return new ConversationEmulators(await pipesHub, await pieces, await orq, await mistral, await ollama);
    }

    public async ValueTask DisposeAsync()
    {
        await PipesHub.DisposeAsync();
        await Pieces.DisposeAsync();
        await Orq.DisposeAsync();
        await Mistral.DisposeAsync();
        await Ollama.DisposeAsync();
    }
}
