using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiClientGen.Tests.Infrastructure;
using OpenApiClientGen.Model;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>The naming rules of the README, in their order: each reached from a small document through the compiled client.</summary>
public sealed class NamingRuleTests
{
    [Fact]
    public void An_explicit_method_name_wins_over_a_cleaned_operation_id()
    {
        GeneratorRun run = Run("""
              /v1/agents:
                post:
                  tags: [beta.agents]
                  operationId: agents_api_v1_agents_create
                  x-speakeasy-name-override: register
                  responses: {'204': {description: created}}
            """);

        Assert.Equal(new[] { "Beta.Agents.RegisterAsync" }, Methods(run));
    }

    /// <summary>
    /// An explicit name names the method only. The operation's types keep the whole operationId, so that two groups'
    /// <c>create</c> make <c>CreateContactRequest</c> and <c>CreateFeedbackRequest</c>, not <c>CreateRequest</c> and a
    /// numbered <c>CreateRequest2</c>.
    /// </summary>
    [Fact]
    public void An_explicit_method_name_leaves_the_operation_s_types_named_by_its_operation_id()
    {
        GeneratorRun run = Run("""
              /v2/contacts:
                post:
                  tags: [contacts]
                  operationId: CreateContact
                  x-speakeasy-name-override: create
                  requestBody:
                    content: {application/json: {schema: {type: object, properties: {email: {type: string}}}}}
                  responses:
                    '200': {description: created, content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}}
              /v2/feedback:
                post:
                  tags: [feedback]
                  operationId: CreateFeedback
                  x-speakeasy-name-override: create
                  requestBody:
                    content: {application/json: {schema: {type: object, properties: {score: {type: integer}}}}}
                  responses:
                    '200': {description: created, content: {application/json: {schema: {type: object, properties: {id: {type: string}, at: {type: string}}}}}}
            """);

        Assert.Equal(new[] { "Contacts.CreateAsync", "Feedback.CreateAsync" }, Methods(run));
        HashSet<string> types = TypeNames(run);
        Assert.Contains("CreateContactRequest", types);
        Assert.Contains("CreateContactResponse", types);
        Assert.Contains("CreateFeedbackRequest", types);
        Assert.Contains("CreateFeedbackResponse", types);
        Assert.DoesNotContain(types, t => t.StartsWith("CreateRequest", StringComparison.Ordinal) || t.StartsWith("CreateResponse", StringComparison.Ordinal));
    }

    /// <summary>
    /// An operation's inline types are named from its operationId without what a machine added to it (FastAPI's path
    /// and method, versions, <c>api</c> beside a version) and with every other word. Where two operations would then share
    /// a name, both keep the whole operationId.
    /// </summary>
    [Fact]
    public void Inline_types_take_the_operation_id_without_the_machine_s_additions_unless_that_is_shared()
    {
        GeneratorRun run = Run("""
              /v1/workflows/{workflow_identifier}/execute:
                post:
                  tags: [workflows]
                  operationId: execute_workflow_v1_workflows__workflow_identifier__execute_post
                  parameters: [{name: workflow_identifier, in: path, required: true, schema: {type: string}}]
                  requestBody:
                    content: {application/json: {schema: {type: object, properties: {input: {type: string}}}}}
                  responses:
                    '200': {description: started, content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}}
              /v1/agents/{agent_id}:
                get:
                  tags: [agents]
                  operationId: agents_api_v1_agents_get
                  parameters: [{name: agent_id, in: path, required: true, schema: {type: string}}]
                  responses:
                    '200': {description: the agent, content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}}
              /organization/admin_api_keys:
                get:
                  tags: [keys]
                  operationId: admin-api-keys-list
                  responses:
                    '200': {description: keys, content: {application/json: {schema: {type: object, properties: {data: {type: string}}}}}}
              /v1/a:
                get:
                  tags: [a]
                  operationId: list_v1_a_get
                  responses:
                    '200': {description: a, content: {application/json: {schema: {type: object, properties: {a: {type: string}}}}}}
              /v1/b:
                get:
                  tags: [b]
                  operationId: list_v1_b_get
                  responses:
                    '200': {description: b, content: {application/json: {schema: {type: object, properties: {b: {type: string}}}}}}
            """);

        HashSet<string> types = TypeNames(run);
        Assert.Contains("ExecuteWorkflowRequest", types);
        Assert.Contains("ExecuteWorkflowResponse", types);
        Assert.Contains("AgentsGetResponse", types);
        Assert.Contains("AdminApiKeysListResponse", types);
        Assert.Contains("ListV1AGetResponse", types);
        Assert.Contains("ListV1BGetResponse", types);
        Assert.DoesNotContain(types, t => t.StartsWith("ListResponse", StringComparison.Ordinal));
    }

    [Fact]
    public void An_operation_id_loses_the_fastapi_suffix_the_group_s_words_and_the_version()
    {
        GeneratorRun run = Run("""
              /v1/agents:
                post:
                  tags: [beta.agents]
                  operationId: agents_api_v1_agents_create
                  responses: {'204': {description: created}}
              /v1/agents/{agent_id}/versions:
                get:
                  tags: [beta.agents]
                  operationId: agents_api_v1_agents_list_versions
                  parameters: [{name: agent_id, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: listed}}
              /v1/libraries:
                post:
                  tags: [beta.libraries]
                  operationId: libraries_create_v1
                  responses: {'204': {description: created}}
              /v1/audio/voices/{voice_id}/sample:
                get:
                  tags: [audio.voices]
                  operationId: get_voice_sample_v1_audio_voices__voice_id__sample_get
                  parameters: [{name: voice_id, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: the sample}}
              /v1/models:
                get:
                  tags: [models]
                  operationId: list_models_v1_models_get
                  responses: {'204': {description: listed}}
            """);

        Assert.Equal(
            new[] { "Audio.Voices.GetSampleAsync", "Beta.Agents.CreateAsync", "Beta.Agents.ListVersionsAsync", "Beta.Libraries.CreateAsync", "Models.ListAsync" },
            Methods(run));
    }

    /// <summary>
    /// <c>by id</c> at the end of a name whose path ends in a parameter only repeats the path, so it goes. A name
    /// whose path ends in a literal keeps its words, and the document's own verb stays: getting a collection's things
    /// is not renamed to listing them, because the vendor's SDKs keep <c>get</c> as often as they change it.
    /// </summary>
    [Fact]
    public void By_id_that_repeats_the_path_s_parameter_is_dropped_and_the_document_s_verb_is_kept()
    {
        GeneratorRun run = Run("""
              /v1/batch/jobs:
                get: {tags: [batch], operationId: jobs_api_routes_batch_get_batch_jobs, responses: {'204': {description: listed}}}
              /v1/observability/datasets/{dataset_id}/records:
                get:
                  tags: [beta.observability.datasets]
                  operationId: get_dataset_records_v1_observability_datasets__dataset_id__records_get
                  parameters: [{name: dataset_id, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: listed}}
              /v1/observability/judges/{judge_id}:
                get:
                  tags: [beta.observability.judges]
                  operationId: get_judge_by_id_v1_observability_judges__judge_id__get
                  parameters: [{name: judge_id, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: the judge}}
              /v1/documents/{document_id}/status:
                get:
                  tags: [documents]
                  operationId: get_document_status_v1_documents__document_id__status_get
                  parameters: [{name: document_id, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: the status}}
              /v1/workflows/runs/{run_id}/history:
                get:
                  tags: [runs]
                  operationId: get_run_history_v1_workflows_runs__run_id__history_get
                  parameters: [{name: run_id, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: the history}}
            """);

        Assert.Equal(
            new[] { "Batch.GetJobsAsync", "Beta.Observability.Datasets.GetRecordsAsync", "Beta.Observability.Judges.GetAsync", "Documents.GetStatusAsync", "Runs.GetHistoryAsync" },
            Methods(run));
    }

    [Fact]
    public void A_cleaned_name_starts_with_its_verb_which_is_never_dropped_for_repeating_the_group()
    {
        GeneratorRun run = Run("""
              /v1/observability/judges/{judge_id}/live-judging:
                post:
                  tags: [beta.observability.judges]
                  operationId: judge_conversation_v1_observability_judges__judge_id__live_judging_post
                  parameters: [{name: judge_id, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: judged}}
              /v1/conversations/{conversation_id}/history:
                get:
                  tags: [beta.conversations]
                  operationId: agents_api_v1_conversations_history
                  parameters: [{name: conversation_id, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: the history}}
              /v1/messages/batches:
                post:
                  tags: [messages]
                  operationId: message_batches_post
                  responses: {'204': {description: created}}
                get:
                  tags: [messages]
                  operationId: beta_message_batches_list
                  responses: {'204': {description: listed}}
              /v1/fine_tuning/models/{model_id}/archive:
                post:
                  tags: [models]
                  operationId: jobs_api_routes_fine_tuning_archive_fine_tuned_model
                  parameters: [{name: model_id, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: archived}}
            """);

        Assert.Equal(
            new[] { "Beta.Conversations.GetHistoryAsync", "Beta.Observability.Judges.JudgeConversationAsync", "Messages.CreateBatchAsync", "Messages.ListBatchesAsync", "Models.ArchiveAsync" },
            Methods(run));
    }

    [Fact]
    public void A_list_named_for_its_pages_walks_them_as_list_all_and_list_all_pages()
    {
        GeneratorRun run = Run("""
              /v1/agents/pages:
                get:
                  tags: [beta.agents]
                  operationId: agents_api_v1_agents_list_pages
                  parameters:
                    - {name: page_size, in: query, schema: {type: integer}}
                    - {name: page_token, in: query, schema: {type: string}}
                  responses:
                    '200':
                      description: One page of agents.
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              data: {type: array, items: {type: object, properties: {id: {type: string}}}}
                              next_page_token: {type: string}
                  x-speakeasy-pagination:
                    type: cursor
                    inputs:
                      - {name: page_token, in: parameters, type: cursor}
                      - {name: page_size, in: parameters, type: limit}
                    outputs: {results: $.data, nextCursor: $.next_page_token}
            """);

        Assert.Equal(new[] { "Beta.Agents.ListAllAsync", "Beta.Agents.ListAllPagesAsync", "Beta.Agents.ListPagesAsync" }, Methods(run));
    }

    [Fact]
    public void Cleaned_names_that_collide_in_a_group_both_fall_back_to_longer_ones_never_to_numbers()
    {
        GeneratorRun run = Run("""
              /v1/records/{record_id}:
                delete:
                  tags: [datasets.records]
                  operationId: delete_dataset_record_v1_records__record_id__delete
                  parameters: [{name: record_id, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: deleted}}
              /v1/records/bulk-delete:
                post:
                  tags: [datasets.records]
                  operationId: delete_dataset_records_v1_records_bulk_delete_post
                  responses: {'204': {description: deleted}}
            """);

        Assert.Equal(new[] { "Datasets.Records.DeleteDatasetRecordAsync", "Datasets.Records.DeleteDatasetRecordsAsync" }, Methods(run));
    }

    [Fact]
    public void An_operation_id_a_person_wrote_is_kept_as_it_is()
    {
        GeneratorRun run = Run("""
              /pets:
                get:
                  tags: [pets]
                  operationId: listPets
                  responses: {'204': {description: listed}}
            """);

        Assert.Equal(new[] { "Pets.ListPetsAsync" }, Methods(run));
    }

    [Fact]
    public void Api_in_an_operation_id_a_person_wrote_is_a_word_of_the_name_not_a_module()
    {
        // Cohere's checkAPIKey; only an id of underscore-separated words (FastAPI's) has a module before `api`.
        GeneratorRun run = Run("""
              /v1/check-api-key:
                post:
                  tags: [keys]
                  operationId: checkAPIKey
                  responses: {'204': {description: valid}}
              /v1/keys/rotate:
                post:
                  tags: [keys]
                  operationId: keys_api_rotate_key
                  responses: {'204': {description: rotated}}
            """);

        Assert.Equal(new[] { "Keys.CheckApiKeyAsync", "Keys.RotateAsync" }, Methods(run));
    }

    [Fact]
    public void A_large_document_without_tags_groups_by_the_first_path_segment_and_names_by_verb_and_path_shape()
    {
        // More operations than a document may have and stay flat.
        string others = string.Concat(Enumerable.Range(1, 20).Select(i => $"  /v1/other{i}:\n    get:\n      responses: {{'204': {{description: got}}}}\n"));
        GeneratorRun run = Run(others + """
              /v1/messages:
                post:
                  operationId: messages_post
                  responses: {'204': {description: sent}}
              /v1/messages/count_tokens:
                post:
                  operationId: messages_count_tokens_post
                  responses: {'204': {description: counted}}
              /v1/messages/batches/{batch_id}/cancel:
                post:
                  parameters: [{name: batch_id, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: cancelled}}
              /v1/models:
                get:
                  responses: {'204': {description: listed}}
              /v1/models/{model_id}:
                get:
                  parameters: [{name: model_id, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: got}}
                delete:
                  parameters: [{name: model_id, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: deleted}}
            """);

        Assert.Equal(
            new[] { "Messages.CancelBatchAsync", "Messages.CountTokensAsync", "Messages.CreateAsync", "Models.DeleteAsync", "Models.GetAsync", "Models.ListAsync" },
            Methods(run).Where(m => !m.StartsWith("Other", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_small_document_without_tags_stays_flat_with_verb_and_path_names()
    {
        GeneratorRun run = Run("""
              /v1/models:
                get:
                  responses: {'204': {description: listed}}
              /v1/models/{model_id}:
                get:
                  parameters: [{name: model_id, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: got}}
            """);

        Assert.Equal(new[] { "GetModelAsync", "ListModelsAsync" }, Methods(run));
    }

    [Fact]
    public void The_default_namespace_and_client_name_are_spelt_as_the_title_spells_the_file_name()
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/openai.yaml", Document("OpenAI API", "")));

        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        Assert.NotNull(run.Output.GetTypeByMetadataName("OpenAI.OpenAIClient"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("OpenAI.OpenAIClientOptions"));
    }

    [Fact]
    public void A_title_that_does_not_spell_the_file_name_leaves_the_file_name_s_casing()
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/openai.yaml", Document("Swagger Petstore", "")));

        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Openai.OpenaiClient"));
    }

    [Fact]
    public void A_body_is_named_after_its_component_or_the_name_the_document_gives_it()
    {
        GeneratorRun run = Run("""
              /conversations/create:
                post:
                  tags: [conversations]
                  operationId: createSpecificConversation
                  requestBody:
                    content: {application/json: {schema: {$ref: '#/components/schemas/SeededConversation'}}}
                  responses: {'204': {description: created}}
              /conversations/{seededConversation}/rename:
                post:
                  tags: [conversations]
                  operationId: renameConversation
                  parameters: [{name: seededConversation, in: path, required: true, schema: {type: string}}]
                  requestBody:
                    required: true
                    content: {application/json: {schema: {$ref: '#/components/schemas/SeededConversation'}}}
                  responses: {'204': {description: renamed}}
              /conversations/import:
                post:
                  tags: [conversations]
                  operationId: importConversation
                  x-codegen-request-body-name: archive
                  requestBody:
                    required: true
                    content: {application/json: {schema: {$ref: '#/components/schemas/SeededConversation'}}}
                  responses: {'204': {description: imported}}
              /conversations/inline:
                post:
                  tags: [conversations]
                  operationId: createInline
                  requestBody:
                    required: true
                    content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}
                  responses: {'204': {description: created}}
            components:
              schemas:
                SeededConversation:
                  type: object
                  required: [name]
                  properties: {name: {type: string}}
            """, consumer: """
            namespace Consumer;
            internal static class Calls
            {
                internal static System.Threading.Tasks.Task Send(Naming.NamingClient client) =>
                    System.Threading.Tasks.Task.WhenAll(
                        client.Conversations.CreateSpecificConversationAsync(seededConversation: new Naming.SeededConversation { Name = "a" }),
                        client.Conversations.ImportConversationAsync(archive: new Naming.SeededConversation { Name = "a" }),
                        client.Conversations.ImportConversationAsync(name: "a"),
                        client.Conversations.CreateInlineAsync(body: new Naming.CreateInlineRequest()));
            }
            """);

        // A parameter of the operation has the name already, so the body keeps `body`.
        Assert.Equal(new[] { "seededConversation", "body", "cancellationToken" }, ParameterNames(run, "Conversations", "RenameConversationAsync"));
    }

    [Fact]
    public void A_swagger_2_body_parameter_keeps_its_name()
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/naming.yaml", """
            swagger: '2.0'
            info: {title: Naming, version: '1'}
            paths:
              /pets:
                post:
                  tags: [pets]
                  operationId: addPet
                  consumes: [application/json]
                  parameters: [{name: pet, in: body, required: true, schema: {$ref: '#/definitions/NewPet'}}]
                  responses: {'204': {description: added}}
            definitions:
              NewPet: {type: object, properties: {name: {type: string}}}
            """, Namespace: "Naming", ClientName: "NamingClient"));

        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        Assert.Equal(new[] { "pet", "cancellationToken" }, ParameterNames(run, "Pets", "AddPetAsync"));
    }

    [Fact]
    public void A_member_a_one_value_enum_fixes_starts_set_and_the_flattened_overload_does_not_ask_for_it()
    {
        GeneratorRun run = Run("""
              /messages:
                post:
                  tags: [messages]
                  operationId: createMessage
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          type: object
                          required: [role, content]
                          properties:
                            role: {type: string, enum: [user]}
                            content: {type: string}
                            channel: {$ref: '#/components/schemas/Channel'}
                            status: {type: string, enum: [incomplete]}
                  responses: {'204': {description: sent}}
            components:
              schemas:
                Channel: {type: string, enum: [web], default: web}
            """, consumer: """
            namespace Consumer;
            internal static class Calls
            {
                internal static Naming.CreateMessageRequest Body() => new Naming.CreateMessageRequest { Content = "hi" };

                internal static System.Threading.Tasks.Task Send(Naming.NamingClient client) => client.Messages.CreateMessageAsync(content: "hi");
            }
            """);

        INamedTypeSymbol request = run.Output.GetTypeByMetadataName("Naming.CreateMessageRequest")!;
        IPropertySymbol role = request.GetMembers("Role").OfType<IPropertySymbol>().Single();
        Assert.False(role.IsRequired);
        string model = run.Sources.Single(s => s.HintName.EndsWith(".CreateMessageRequest.g.cs", StringComparison.Ordinal)).SourceText.ToString();

        // Written in place, the fixed member is a string: a type of its own would only name the one value it holds.
        Assert.Equal(SpecialType.System_String, role.Type.SpecialType);
        Assert.Contains("public string Role { get; set; } = \"user\";", model);
        Assert.Null(run.Output.GetTypeByMetadataName("Naming.CreateMessageRequestRole"));
        // Its codec reads the value as the one string the model starts with, so reading it allocates nothing.
        string json = run.Sources.Single(s => s.HintName.EndsWith(".Json.NamingClientJson.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("members.Required(\"role\", OACG::JsonCodecs.Fixed(\"user\"))", json);

        // A component keeps the type the document names, and still starts set.
        Assert.Contains("= new global::Naming.Channel(\"web\");", model);

        // Optional, the member is a string too, but unset until the caller sets it; the remark names its one value.
        Assert.Contains("public string? Status { get; set; }", model);
        Assert.Contains("/// <remarks>The one value it takes: <c>incomplete</c>.</remarks>", model);
        Assert.Null(run.Output.GetTypeByMetadataName("Naming.CreateMessageRequestStatus"));
        Assert.Contains("members.Value(\"status\", OACG::JsonCodecs.Fixed(\"incomplete\"))", json);
    }

    [Fact]
    public void Inline_types_are_named_from_a_branch_s_tag_or_constant_and_an_array_s_owning_property()
    {
        GeneratorRun run = Run("""
              /things:
                post:
                  tags: [things]
                  operationId: createThing
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            comment:
                              anyOf:
                                - {type: string, maxLength: 500}
                                - {type: string, enum: ['']}
                            sources:
                              type: object
                              properties: {data: {type: array, items: {type: object, properties: {id: {type: string}}}}}
                            model:
                              anyOf:
                                - {type: string}
                                - {type: string, enum: [small, large]}
                            tools:
                              type: array
                              items: {type: object, properties: {name: {type: string}}}
                            shape:
                              oneOf:
                                - {type: object, required: [kind], properties: {kind: {type: string, enum: [circle]}, radius: {type: number}}}
                                - {type: object, required: [kind], properties: {kind: {type: string, enum: [square]}, side: {type: number}}}
                              discriminator: {propertyName: kind}
                  responses: {'204': {description: created}, '403': {$ref: '#/components/responses/forbidden'}}
            components:
              responses:
                forbidden:
                  description: not allowed
                  content:
                    application/json:
                      schema: {type: object, properties: {message: {type: string}}}
            """);

        HashSet<string> types = TypeNames(run);
        Assert.Contains("CreateThingRequestCommentEmpty", types);
        Assert.Contains("CreateThingRequestTool", types);
        Assert.Contains("CreateThingRequestShapeCircle", types);
        Assert.Contains("CreateThingRequestShapeSquare", types);
        Assert.Contains("ForbiddenError", types);
        Assert.Contains("CreateThingRequestSource", types);
        Assert.Contains("CreateThingRequestModelKnown", types);
        Assert.DoesNotContain(types, t => t.Contains("Variant", StringComparison.Ordinal) || t.EndsWith("Item", StringComparison.Ordinal));
    }

    /// <summary>
    /// An object branch of an untagged union is named after the constant its <c>type</c> fixes, even when the member is
    /// optional and another branch is not an object (Orq's and OpenAI's <c>tool_choice</c>). A constant two branches
    /// share names neither.
    /// </summary>
    [Fact]
    public void An_object_branch_is_named_after_the_type_it_fixes_when_no_other_branch_fixes_the_same()
    {
        GeneratorRun run = Run("""
              /things:
                post:
                  tags: [things]
                  operationId: createThing
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            tool_choice:
                              anyOf:
                                - {type: string, enum: [none, auto]}
                                - type: object
                                  required: [function]
                                  properties:
                                    type: {type: string, enum: [function]}
                                    function: {type: object, properties: {name: {type: string}}}
                            output:
                              anyOf:
                                - {type: object, properties: {type: {type: string, enum: [file]}, path: {type: string}}}
                                - {type: object, properties: {type: {type: string, enum: [file]}, url: {type: string}}}
                  responses: {'204': {description: created}}
            """);

        HashSet<string> types = TypeNames(run);
        Assert.Contains("CreateThingRequestToolChoiceFunction", types);
        Assert.DoesNotContain(types, t => t.StartsWith("CreateThingRequestOutputFile", StringComparison.Ordinal));
        Assert.Contains("CreateThingRequestOutputVariant1", types);
        Assert.Contains("CreateThingRequestOutputVariant2", types);
    }

    /// <summary>
    /// The flattened overload's parameters are named in the model, before anything is written: a body member that shares
    /// its name with a path parameter steps aside there, and the overload spells the model's choice.
    /// </summary>
    [Fact]
    public void The_flattened_overload_takes_the_parameter_names_the_model_decides()
    {
        GeneratorRun run = Run("""
              /things/{thing_id}:
                post:
                  tags: [Things]
                  operationId: renameThing
                  parameters:
                    - {name: thing_id, in: path, required: true, schema: {type: string}}
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          type: object
                          required: [thingId, name]
                          properties:
                            thingId: {type: string}
                            name: {type: string}
                            stream: {type: boolean}
                  responses:
                    '204': {description: Renamed.}
            """);
        OperationSpec operation = run.Result.Results[0].TrackedSteps[TrackingNames.BuildModel]
            .SelectMany(step => step.Outputs)
            .Select(output => ((ModelResult)output.Value).Api!)
            .Single()
            .Operations.Single();

        FlattenedBodySpec flattened = Assert.IsType<FlattenedBodySpec>(operation.Flattened);
        Assert.Equal(new[] { "ThingId:thingId2", "Name:name" }, flattened.Members.Select(m => m.Property.Name + ":" + m.ParameterName));
        Assert.Equal(new[] { "thingId", "thingId2", "name", "cancellationToken" }, ParameterNames(run, "Things", "RenameThingAsync"));
    }

    private static GeneratorRun Run(string paths, string? consumer = null)
    {
        GeneratorRun run = GeneratorHarness.RunWith(consumer, new SpecInput("/specs/naming.yaml", Document("Naming", paths), Namespace: "Naming", ClientName: "NamingClient"));
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        return run;
    }

    private static string Document(string title, string paths) => $$"""
        openapi: 3.0.3
        info: {title: {{title}}, version: '1'}
        paths:
        {{paths}}
        """;

    /// <summary>The names of every type the compiled client declares.</summary>
    private static HashSet<string> TypeNames(GeneratorRun run) =>
        run.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type).Select(t => t.Name).ToHashSet();

    /// <summary>The parameter names of the method's overload that takes the most parameters.</summary>
    private static string[] ParameterNames(GeneratorRun run, string group, string method) =>
        ((INamedTypeSymbol)run.Output.GetTypeByMetadataName("Naming.NamingClient")!.GetMembers(group).OfType<IPropertySymbol>().Single().Type)
            .GetMembers(method).OfType<IMethodSymbol>()
            .OrderByDescending(m => m.Parameters.Length)
            .First().Parameters.Select(p => p.Name).ToArray();

    /// <summary><c>Group.Sub.MethodAsync</c> for each public operation method, reached from the client's properties.</summary>
    private static List<string> Methods(GeneratorRun run)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        Walk(run.Output.GetTypeByMetadataName("Naming.NamingClient")!, "");
        return names.ToList();

        void Walk(INamedTypeSymbol type, string prefix)
        {
            foreach (IMethodSymbol method in type.GetMembers().OfType<IMethodSymbol>()
                .Where(m => m.DeclaredAccessibility == Accessibility.Public && m.Name.EndsWith("Async", StringComparison.Ordinal) && !m.Name.EndsWith("WithResponseAsync", StringComparison.Ordinal)))
            {
                names.Add(prefix + method.Name);
            }

            foreach (IPropertySymbol property in type.GetMembers().OfType<IPropertySymbol>()
                .Where(p => p.DeclaredAccessibility == Accessibility.Public && p.Type.Name.EndsWith("Client", StringComparison.Ordinal)))
            {
                Walk((INamedTypeSymbol)property.Type, prefix + property.Name + ".");
            }
        }
    }
}
