using System.Linq;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>A member's summary says something its name does not, or it is left out.</summary>
public sealed class MemberSummaryTests
{
    [Fact]
    public void A_title_that_only_spells_the_member_s_name_is_no_summary_and_a_real_description_stays()
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/agents.yaml", """
            openapi: 3.0.3
            info: {title: Agents, version: '1'}
            paths:
              /agents:
                get:
                  operationId: list_agents
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Agent'}
            components:
              schemas:
                Agent:
                  type: object
                  properties:
                    agent_id: {type: string, title: Agent Id}
                    model: {type: string, title: Model}
                    name: {type: string, title: Name, description: What the agent is called in the console.}
            """, Namespace: "Agents", ClientName: "AgentsClient"));
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));

        string model = run.Sources.Single(s => s.HintName.EndsWith(".Model.Agent.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
        string[] summaries = model.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("/// <summary>", System.StringComparison.Ordinal)).ToArray();

        Assert.DoesNotContain("/// <summary>Agent Id</summary>", summaries);
        Assert.DoesNotContain("/// <summary>Model</summary>", summaries);
        Assert.Contains("/// <summary>What the agent is called in the console.</summary>", summaries);
    }
}
