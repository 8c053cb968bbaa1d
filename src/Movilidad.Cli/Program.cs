using System.CommandLine;

var root = new RootCommand("movilidad: the Movilidad platform's command line");
root.Add(Movilidad.Cli.Sd.SdCommand.Create());
root.Add(Movilidad.Cli.Users.UsersCommand.Create());
root.Add(Movilidad.Cli.Audit.AuditCommand.Create());
root.Add(Movilidad.Cli.Seed.SeedCommand.Create());
root.Add(Movilidad.Cli.Backup.BackupCommand.CreateBackup());
root.Add(Movilidad.Cli.Backup.BackupCommand.CreateRestore());
root.Add(Movilidad.Cli.Records.RecordsCommand.Create());
root.Add(Movilidad.Cli.Search.SearchCommand.Create());
return root.Parse(args).Invoke();
