using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SeatHoldings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SeatHoldings",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Held = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeatHoldings", x => new { x.OrganizationId, x.Tier });
                    table.ForeignKey(
                        name: "FK_SeatHoldings_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Seats held (Active or LoginBlocked members) per organization and tier, kept by the database itself.
            migrationBuilder.Sql("""
                INSERT INTO SeatHoldings (OrganizationId, Tier, Held)
                SELECT OrganizationId, COALESCE(SeatTier, ''), COUNT(*) FROM Memberships
                WHERE Status IN ('Active', 'LoginBlocked') GROUP BY OrganizationId, COALESCE(SeatTier, '');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Memberships_SeatHoldings_Insert AFTER INSERT ON Memberships
                WHEN NEW.Status IN ('Active', 'LoginBlocked') BEGIN
                    INSERT OR IGNORE INTO SeatHoldings (OrganizationId, Tier, Held) VALUES (NEW.OrganizationId, COALESCE(NEW.SeatTier, ''), 0);
                    UPDATE SeatHoldings SET Held = Held + 1 WHERE OrganizationId = NEW.OrganizationId AND Tier = COALESCE(NEW.SeatTier, '');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Memberships_SeatHoldings_Delete AFTER DELETE ON Memberships
                WHEN OLD.Status IN ('Active', 'LoginBlocked') BEGIN
                    UPDATE SeatHoldings SET Held = Held - 1 WHERE OrganizationId = OLD.OrganizationId AND Tier = COALESCE(OLD.SeatTier, '');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Memberships_SeatHoldings_Update AFTER UPDATE OF Status, SeatTier, OrganizationId ON Memberships BEGIN
                    UPDATE SeatHoldings SET Held = Held - 1
                    WHERE OLD.Status IN ('Active', 'LoginBlocked') AND OrganizationId = OLD.OrganizationId AND Tier = COALESCE(OLD.SeatTier, '');
                    INSERT OR IGNORE INTO SeatHoldings (OrganizationId, Tier, Held)
                    SELECT NEW.OrganizationId, COALESCE(NEW.SeatTier, ''), 0 WHERE NEW.Status IN ('Active', 'LoginBlocked');
                    UPDATE SeatHoldings SET Held = Held + 1
                    WHERE NEW.Status IN ('Active', 'LoginBlocked') AND OrganizationId = NEW.OrganizationId AND Tier = COALESCE(NEW.SeatTier, '');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Memberships_SeatHoldings_Insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Memberships_SeatHoldings_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Memberships_SeatHoldings_Update;");
            migrationBuilder.DropTable(
                name: "SeatHoldings");
        }
    }
}
