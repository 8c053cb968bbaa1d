var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/health/live", () => Results.Text("Healthy"));
app.Run();

namespace Movilidad.Web
{
    /// <summary>Entry point, visible to the test host.</summary>
    public partial class Program;
}
