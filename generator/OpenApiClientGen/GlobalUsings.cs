// The namespaces nearly every file of the generator reads; Parsing's OpenAPI types and Roslyn's stay with the files that use them.
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using OpenApiClientGen.Model;
