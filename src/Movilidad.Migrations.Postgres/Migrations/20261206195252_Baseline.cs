using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Movilidad.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The schema as the hand-written migrations before it (Legacy/) built it, taken as the model snapshot's starting point:
    /// it changes nothing in a database. Scaffolded with `dotnet ef migrations add Baseline`, then its operations removed;
    /// MigrationSchemaTests proves that the migrations still build exactly the model's schema.
    /// </summary>
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
