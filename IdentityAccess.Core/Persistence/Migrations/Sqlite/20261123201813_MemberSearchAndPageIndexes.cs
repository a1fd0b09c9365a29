using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MemberSearchAndPageIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Memberships_OrganizationId_Role_Status",
                table: "Memberships",
                columns: new[] { "OrganizationId", "Role", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryUsers_ParentOrganizationId_Active_PersonId",
                table: "DirectoryUsers",
                columns: new[] { "ParentOrganizationId", "Active", "PersonId" });

            // The members search: a trigram index over People's email and name (a substring of three characters or
            // more, case folded). External content: the text stays in People, rebuilt here and kept by the triggers.
            // Its rows are People's rowids, so a migration that rebuilds People must end with the same 'rebuild'.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE PeopleSearch USING fts5(NormalizedEmail, DisplayName, content='People', content_rowid='rowid', tokenize='trigram');
                INSERT INTO PeopleSearch(PeopleSearch) VALUES ('rebuild');
                CREATE TRIGGER People_Search_Insert AFTER INSERT ON People BEGIN
                    INSERT INTO PeopleSearch (rowid, NormalizedEmail, DisplayName) VALUES (NEW.rowid, NEW.NormalizedEmail, NEW.DisplayName);
                END;
                CREATE TRIGGER People_Search_Delete AFTER DELETE ON People BEGIN
                    INSERT INTO PeopleSearch (PeopleSearch, rowid, NormalizedEmail, DisplayName) VALUES ('delete', OLD.rowid, OLD.NormalizedEmail, OLD.DisplayName);
                END;
                CREATE TRIGGER People_Search_Update AFTER UPDATE OF NormalizedEmail, DisplayName ON People BEGIN
                    INSERT INTO PeopleSearch (PeopleSearch, rowid, NormalizedEmail, DisplayName) VALUES ('delete', OLD.rowid, OLD.NormalizedEmail, OLD.DisplayName);
                    INSERT INTO PeopleSearch (rowid, NormalizedEmail, DisplayName) VALUES (NEW.rowid, NEW.NormalizedEmail, NEW.DisplayName);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER People_Search_Update;
                DROP TRIGGER People_Search_Delete;
                DROP TRIGGER People_Search_Insert;
                DROP TABLE PeopleSearch;
                """);

            migrationBuilder.DropIndex(
                name: "IX_Memberships_OrganizationId_Role_Status",
                table: "Memberships");

            migrationBuilder.DropIndex(
                name: "IX_DirectoryUsers_ParentOrganizationId_Active_PersonId",
                table: "DirectoryUsers");
        }
    }
}
