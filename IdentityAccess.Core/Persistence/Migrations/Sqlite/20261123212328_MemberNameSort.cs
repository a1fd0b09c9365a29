using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MemberNameSort : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PersonName",
                table: "Memberships",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            // A copy of the member's name for the members page's sort, kept by triggers: the app never writes it.
            migrationBuilder.Sql("""
                UPDATE Memberships SET PersonName = (SELECT DisplayName FROM People WHERE People.Id = Memberships.PersonId);
                CREATE TRIGGER Memberships_PersonName_Insert AFTER INSERT ON Memberships BEGIN
                    UPDATE Memberships SET PersonName = (SELECT DisplayName FROM People WHERE Id = NEW.PersonId) WHERE Id = NEW.Id;
                END;
                CREATE TRIGGER Memberships_PersonName_Person AFTER UPDATE OF PersonId ON Memberships BEGIN
                    UPDATE Memberships SET PersonName = (SELECT DisplayName FROM People WHERE Id = NEW.PersonId) WHERE Id = NEW.Id;
                END;
                CREATE TRIGGER People_PersonName_Update AFTER UPDATE OF DisplayName ON People BEGIN
                    UPDATE Memberships SET PersonName = NEW.DisplayName WHERE PersonId = NEW.Id;
                END;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_OrganizationId_PersonName_Id",
                table: "Memberships",
                columns: new[] { "OrganizationId", "PersonName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER People_PersonName_Update;
                DROP TRIGGER Memberships_PersonName_Person;
                DROP TRIGGER Memberships_PersonName_Insert;
                """);

            migrationBuilder.DropIndex(
                name: "IX_Memberships_OrganizationId_PersonName_Id",
                table: "Memberships");

            migrationBuilder.DropColumn(
                name: "PersonName",
                table: "Memberships");
        }
    }
}
