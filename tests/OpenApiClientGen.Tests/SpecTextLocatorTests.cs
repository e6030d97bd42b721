using System.Collections.Generic;
using OpenApiClientGen.Parsing;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>
/// JSON pointers map back to the line and column of their node in YAML, however many of them one walk looks for,
/// past the parts of the document that none of them leads into.
/// </summary>
public sealed class SpecTextLocatorTests
{
    private const string Yaml = """
        openapi: 3.1.0
        info:
          title: Shelf
        paths:
          /books:
            get:
              responses:
                '200':
                  description: ok
        components:
          schemas:
            Book:
              type: object
              properties:
                title: {type: string}
            Tags:
              type: array
              items:
                - one
                - two
            Odd:
              ? [a, b]
              : complex
              after: value
        """;

    [Fact]
    public void Each_pointer_gets_its_own_position_in_one_walk()
    {
        Dictionary<string, (int Line, int Column)> found = SpecTextLocator.Locate(Yaml, new[]
        {
            "/paths/~1books/get",
            "/components/schemas/Book/properties/title/type",
            "/components/schemas/Tags/items/1",
        });

        Assert.Equal((6, 5), found["/paths/~1books/get"]);
        Assert.Equal((15, 17), found["/components/schemas/Book/properties/title/type"]);
        Assert.Equal((20, 11), found["/components/schemas/Tags/items/1"]);
    }

    [Fact]
    public void A_pointer_to_no_node_gets_its_nearest_ancestor()
    {
        Dictionary<string, (int Line, int Column)> found = SpecTextLocator.Locate(Yaml, new[] { "#/components/schemas/Missing/type" });

        Assert.Equal((11, 3), found["/components/schemas/Missing/type"]);
    }

    [Fact]
    public void A_mapping_used_as_a_key_does_not_shift_the_members_after_it()
    {
        Dictionary<string, (int Line, int Column)> found = SpecTextLocator.Locate(Yaml, new[] { "/components/schemas/Odd/after", "/info/title" });

        Assert.Equal((24, 7), found["/components/schemas/Odd/after"]);
        Assert.Equal((3, 3), found["/info/title"]);
    }
}
