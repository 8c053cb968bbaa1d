using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Movilidad.Platform.Data;

#nullable disable

namespace Movilidad.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The data step of <see cref="AddConventionReview"/>, on its own: on SQLite that migration rebuilds the two tables, and
    /// an update in the same migration ran while the rebuild was pending (EF's warnings 30200 and 20410 on every new
    /// database). The conventions and options loaded before they were reviewed are published content; the start-up load
    /// then fills their other columns from data/ (nobody has edited them in the platform yet).
    /// </summary>
    [DbContext(typeof(MovilidadDb))]
    [Migration("20261207154108_PublishReviewedContent")]
    public partial class PublishReviewedContent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"IloConventions\" SET \"Stage\" = 'Published'");
            migrationBuilder.Sql("UPDATE \"EnrolmentOptions\" SET \"Stage\" = 'Published'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
