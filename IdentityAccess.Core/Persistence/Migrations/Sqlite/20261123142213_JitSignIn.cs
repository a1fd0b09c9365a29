using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JitSignIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LastSignInAt",
                table: "SamlIdentityLinks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastSignInGroups",
                table: "SamlIdentityLinks",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<bool>(
                name: "LastSignInGroupsOverage",
                table: "SamlIdentityLinks",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastSignInAt",
                table: "SamlIdentityLinks");

            migrationBuilder.DropColumn(
                name: "LastSignInGroups",
                table: "SamlIdentityLinks");

            migrationBuilder.DropColumn(
                name: "LastSignInGroupsOverage",
                table: "SamlIdentityLinks");
        }
    }
}
