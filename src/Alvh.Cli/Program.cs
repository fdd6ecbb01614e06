using Alvh.Cli;

return await AlvhCli.RunAsync(args, CliContext.FromProcess());
