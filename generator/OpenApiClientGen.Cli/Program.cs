using System;
using OpenApiClientGen.Cli;

return CommandLine.Run(args, Console.Out, Console.Error);
