using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Conversations.Emulators;
using ConversationsDemo;
using OpenApiClientGen.Runtime;

// One conversation with each of the four bundled APIs and a local model server, through clients generated at build time
// from specs/.
// Without arguments it talks to in-memory emulators on 127.0.0.1; with --live, to the vendors' services.
bool live = args.Contains("--live");
var clock = Stopwatch.StartNew();
await using ConversationEmulators? emulators = live ? null : await ConversationEmulators.StartAsync();
ConsoleView.Title(live
    ? "Conversations demo: the generated clients against the live services"
    : "Conversations demo: the generated clients against local emulators (offline)");

int failures = 0;
await RunAsync("PipesHub", PipesHubConversation.RunAsync, emulators?.PipesHub.BaseAddress, () => ServiceTarget.FromEnvironment("PipesHub", "", "PIPESHUB_BEARER_AUTH", "PIPESHUB_SERVER_URL", "/api/v1"));
await RunAsync("Pieces OS", PiecesConversation.RunAsync, emulators?.Pieces.BaseAddress, () => ServiceTarget.FromEnvironment("Pieces OS", "", null, "PIECES_OS_URL"));
await RunAsync("Orq.ai", OrqConversation.RunAsync, emulators?.Orq.BaseAddress, () => ServiceTarget.FromEnvironment("Orq.ai", "https://my.orq.ai", "ORQ_API_KEY", null));
await RunAsync("Mistral", MistralConversation.RunAsync, emulators?.Mistral.BaseAddress, () => ServiceTarget.FromEnvironment("Mistral", "https://api.mistral.ai", "MISTRAL_API_KEY", null));
await RunAsync("Local model (Ollama)", LocalModelConversation.RunAsync, emulators?.Ollama.BaseAddress, () => ServiceTarget.FromEnvironment("Ollama", "", null, "OLLAMA_HOST"));

// The same four APIs through Microsoft.Extensions.AI's IChatClient alone, one loop for all (ChatClientConversation.cs).
await RunAsync("PipesHub as IChatClient", ChatClientConversation.PipesHubAsync, emulators?.PipesHub.BaseAddress, () => ServiceTarget.FromEnvironment("PipesHub", "", "PIPESHUB_BEARER_AUTH", "PIPESHUB_SERVER_URL", "/api/v1"));
await RunAsync("Pieces OS as IChatClient", ChatClientConversation.PiecesAsync, emulators?.Pieces.BaseAddress, () => ServiceTarget.FromEnvironment("Pieces OS", "", null, "PIECES_OS_URL"));
await RunAsync("Orq.ai as IChatClient", ChatClientConversation.OrqAsync, emulators?.Orq.BaseAddress, () => ServiceTarget.FromEnvironment("Orq.ai", "https://my.orq.ai", "ORQ_API_KEY", null));
await RunAsync("Mistral as IChatClient", ChatClientConversation.MistralAsync, emulators?.Mistral.BaseAddress, () => ServiceTarget.FromEnvironment("Mistral", "https://api.mistral.ai", "MISTRAL_API_KEY", null));

Console.WriteLine($"{(failures == 0 ? "Done" : $"Done, {failures} API(s) failed")} in {clock.Elapsed.TotalSeconds:0.0} s.");
return failures == 0 ? 0 : 1;

async Task RunAsync(string name, Func<ServiceTarget, Task> conversation, Uri? emulator, Func<(ServiceTarget? Target, string? Missing)> fromEnvironment)
{
    (ServiceTarget? target, string? missing) = emulator is not null ? (new ServiceTarget(name, emulator, null, Live: false), null) : fromEnvironment();
    if (target is null)
    {
        ConsoleView.Api(name, "skipped");
        ConsoleView.Problem($"{missing} (README.md, \"The bundled conversation APIs\", lists the variables)");
        ConsoleView.EndApi();
        return;
    }

    ConsoleView.Api(name, target.Live ? target.BaseAddress.ToString() : $"emulator at {target.BaseAddress}");
    try
    {
        await conversation(target);
    }
    catch (ApiException error) when (error.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
    {
        failures++;
        ConsoleView.Problem($"{name} refused the credentials ({(int)error.StatusCode} {error.ReasonPhrase}); check the API key.");
    }
    catch (ApiException error)
    {
        failures++;
        string body = (error.Body ?? "").ReplaceLineEndings(" ");
        ConsoleView.Problem($"{name} answered {(int)error.StatusCode} {error.ReasonPhrase} to {error.Operation}: {(body.Length > 160 ? body[..160] + "..." : body)}");
    }
    catch (HttpRequestException error)
    {
        failures++;
        ConsoleView.Problem($"could not reach {name} at {target.BaseAddress}: {error.Message}");
    }
    catch (Exception error) when (error is InvalidOperationException or TaskCanceledException or System.Text.Json.JsonException)
    {
        failures++;
        ConsoleView.Problem($"{name}: {error.Message}");
    }

    ConsoleView.EndApi();
}
