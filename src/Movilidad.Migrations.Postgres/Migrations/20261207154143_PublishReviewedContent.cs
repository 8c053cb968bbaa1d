using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Movilidad.Platform.Data;

#nullable disable

namespace Movilidad.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The data step of <see cref="AddConventionReview"/>, on its own, as on SQLite (where an update in the same migration
    /// ran while the tables' rebuild was pending), so that both providers have the same migrations and a backup moves
    /// between them. The conventions and options loaded before they were reviewed are published content; the start-up load
    /// then fills their other columns from data/ (nobody has edited them in the platform yet).
    /// </summary>
    [DbContext(typeof(MovilidadDb))]
    [Migration("20261207154143_PublishReviewedContent")]
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
