using System.Collections.Generic;
using System.Linq;
using OpenApiClientGen.Model;

namespace OpenApiClientGen.Parsing;

/// <summary>
/// Resolves a chat mapping's answer paths (<c>choices[].delta.content</c>) against the declared types the chat
/// operations answer with, so that the adapter reads an answer's parts from its members instead of writing it back to
/// JSON and searching that.
/// </summary>
/// <remarks>
/// A type gets a reader only when every path resolves: to a member chain ending in a string, an open enum or an
/// integer (a list, for tool calls), through plain members, <c>Optional</c> members and <c>[]</c>. A path through a
/// union, a map, raw JSON or an indexed element (<c>[0]</c>) leaves the type to the JSON route, which reads them all.
/// </remarks>
internal static class ChatMemberPaths
{
    public static EquatableArray<ChatTypedReaderSpec> ReadersFor(ChatClientSpec chat, IReadOnlyList<TypeDeclaration> types)
    {
        var byName = new Dictionary<string, TypeDeclaration>(StringComparer.Ordinal);
        foreach (TypeDeclaration type in types)
        {
            byName[type.Name] = type;
        }

        var readers = new List<ChatTypedReaderSpec>();
        foreach (TypeRef answer in AnswerTypes(chat))
        {
            if (answer.Kind == TypeKind.Declared && readers.All(r => r.TypeName != answer.Name)
                && Reader(answer.Name, chat.Answer, byName) is { } reader)
            {
                readers.Add(reader);
            }
        }

        return readers.ToEquatableArray();
    }

    /// <summary>What each chat call's answers are read in: the JSON answer, or each event's data.</summary>
    private static IEnumerable<TypeRef> AnswerTypes(ChatClientSpec chat)
    {
        foreach (ChatCallSpec? call in new[] { chat.Send, chat.ContinueSend })
        {
            if (call?.Operation.Response.Type is { } type)
            {
                yield return type;
            }
        }

        foreach (ChatCallSpec? call in new[] { chat.Stream, chat.ContinueStream })
        {
            TypeRef? data = call?.Operation.Stream switch
            {
                DataEventStreamSpec stream => stream.Data,
                FrameEventStreamSpec stream => stream.Data,
                EventNamedFrameStreamSpec stream => stream.Data,
                _ => null,
            };
            if (data is not null)
            {
                yield return data;
            }
        }
    }

    private static ChatTypedReaderSpec? Reader(string typeName, ChatAnswerMapping answer, Dictionary<string, TypeDeclaration> types)
    {
        var root = TypeRef.Declared(typeName);
        EquatableArray<ChatMemberPathSpec>? Resolve(EquatableArray<string> paths, ChatLeafKind[] leaves)
        {
            var resolved = new List<ChatMemberPathSpec>();
            foreach (string path in paths)
            {
                switch (Walk(root, path, leaves, types))
                {
                    case { Found: false, Blocked: false }:
                        continue;
                    case { Found: true, Path: { } found }:
                        resolved.Add(found);
                        continue;
                    default:
                        return null;
                }
            }

            return resolved.ToEquatableArray();
        }

        var parts = new List<ChatResolvedPart>();
        foreach (ChatAnswerPaths part in answer.Parts)
        {
            if (Resolve(part.Paths, ChatAnswerParts.Leaves(part.Part)) is not { } paths)
            {
                return null;
            }

            if (!paths.IsEmpty)
            {
                parts.Add(new ChatResolvedPart(part.Part, paths));
            }
        }

        return new ChatTypedReaderSpec { TypeName = typeName, Parts = parts.ToEquatableArray() };
    }

    /// <summary>Found: the path resolves. Neither: a member is missing, so the path finds nothing. Blocked: it cannot be typed.</summary>
    private readonly record struct Walked(bool Found, bool Blocked, ChatMemberPathSpec? Path);

    private static Walked Walk(TypeRef root, string path, ChatLeafKind[] leaves, Dictionary<string, TypeDeclaration> types)
    {
        var steps = new List<ChatMemberStepSpec>();
        TypeRef current = root;
        string[] parts = path.Split('.');
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            bool each = part.EndsWith("[]", StringComparison.Ordinal);
            string name = each ? part.Substring(0, part.Length - 2) : part;
            if (name.IndexOf('[') >= 0 || name.Length == 0)
            {
                return new Walked(false, true, null);
            }

            if (current.Kind != TypeKind.Declared || !types.TryGetValue(current.Name, out TypeDeclaration? declaration))
            {
                return new Walked(false, true, null);
            }

            if (declaration is not ObjectTypeSpec type)
            {
                return new Walked(false, true, null);
            }

            PropertySpec? member = type.Properties.FirstOrDefault(p => p.JsonName == name);
            if (member is null)
            {
                // An object that keeps members the schema does not name may have this one; only the JSON knows.
                return type.AdditionalProperties is null ? new Walked(false, false, null) : new Walked(false, true, null);
            }

            TypeRef next = member.Type;
            if (each)
            {
                if (next.Kind != TypeKind.Array || next.Element is null)
                {
                    return new Walked(false, true, null);
                }

                next = next.Element;
            }

            steps.Add(new ChatMemberStepSpec { Member = member.Name, IsOptional = member.Presence == Presence.WhenSet, IsList = each });
            current = next;
        }

        ChatLeafKind? leaf = current.Kind switch
        {
            TypeKind.Primitive when current.Name == "string" => ChatLeafKind.String,
            TypeKind.Primitive when current.Name is "long" or "int" => ChatLeafKind.Integer,
            TypeKind.Declared when types.TryGetValue(current.Name, out TypeDeclaration? d) && d is EnumTypeSpec => ChatLeafKind.Enum,
            TypeKind.Array => ChatLeafKind.List,
            _ => null,
        };
        return leaf is { } kind && leaves.Contains(kind) && !(kind == ChatLeafKind.List && steps.Count > 0 && steps[steps.Count - 1].IsList)
            ? new Walked(true, false, new ChatMemberPathSpec { Steps = steps.ToEquatableArray(), Leaf = kind })
            : new Walked(false, true, null);
    }
}
