using System.CommandLine;

var root = new RootCommand("movilidad: the Movilidad platform's command line");
return root.Parse(args).Invoke();
