using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonPreferredLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PreferredLanguage",
                table: "People",
                type: "TEXT",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Not DropColumn: on SQLite it rebuilds People, and the triggers on Memberships that read People stop the
            // drop of the old table. SQLite drops a column no trigger or index uses in place.
            migrationBuilder.Sql("ALTER TABLE \"People\" DROP COLUMN \"PreferredLanguage\";");
        }
    }
}
