using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProvisioningLogChannel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "TokenId",
                table: "ProvisioningLog",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "ProvisioningLog",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "Scim"); // every row written before sign-ins were logged is a SCIM request
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Sign-in rows have no token: the older schema cannot hold them.
            migrationBuilder.Sql("DELETE FROM \"ProvisioningLog\" WHERE \"TokenId\" IS NULL;");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "ProvisioningLog");

            migrationBuilder.AlterColumn<Guid>(
                name: "TokenId",
                table: "ProvisioningLog",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
