using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DataProtectionKeysProtected : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Keys used to be stored here as the key manager wrote them, in plain text: whoever read the database (a
            // backup, a replica) could forge a session cookie. From now on the table holds only keys encrypted with
            // DataProtection:Certificate (or stays empty, the keys kept in a folder); the plain ones go. Everyone signs
            // in once again, and forms opened before the upgrade must be reloaded.
            migrationBuilder.Sql("""DELETE FROM "DataProtectionKeys" WHERE "Xml" NOT LIKE '%<encryptedSecret%';""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The deleted keys are gone for good; going back needs nothing but new keys, which the app creates.
        }
    }
}
