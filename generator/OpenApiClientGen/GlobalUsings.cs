// The namespaces nearly every file of the generator reads; Microsoft.OpenApi and Roslyn stay with the files that use
// them (Microsoft.OpenApi's ParameterLocation would clash with the model's).
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Text.Json.Nodes;
global using OpenApiClientGen.Diagnostics;
global using OpenApiClientGen.Model;
