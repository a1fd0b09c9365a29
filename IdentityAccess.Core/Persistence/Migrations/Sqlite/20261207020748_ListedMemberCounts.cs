using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListedMemberCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Listed",
                table: "SeatHoldings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ListedDelta",
                table: "SeatHoldingChanges",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // The members page's total (issue 19): every listed membership (all statuses but Removed) counted per
            // organization and tier next to the held seats, by the same triggers. The backfill counts today's rows.
            migrationBuilder.Sql("""
                INSERT OR IGNORE INTO SeatHoldings (OrganizationId, Tier, Held, Listed)
                SELECT DISTINCT OrganizationId, COALESCE(SeatTier, ''), 0, 0 FROM Memberships WHERE Status <> 'Removed';
                """);
            migrationBuilder.Sql("""
                UPDATE SeatHoldings SET Listed = (SELECT count(*) FROM Memberships m
                    WHERE m.OrganizationId = SeatHoldings.OrganizationId AND COALESCE(m.SeatTier, '') = SeatHoldings.Tier AND m.Status <> 'Removed');
                """);
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Memberships_SeatHoldings_Insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Memberships_SeatHoldings_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Memberships_SeatHoldings_Update;");
            migrationBuilder.Sql("""
                CREATE TRIGGER Memberships_SeatHoldings_Insert AFTER INSERT ON Memberships
                WHEN NEW.Status <> 'Removed' BEGIN
                    INSERT OR IGNORE INTO SeatHoldings (OrganizationId, Tier, Held, Listed) VALUES (NEW.OrganizationId, COALESCE(NEW.SeatTier, ''), 0, 0);
                    UPDATE SeatHoldings SET Held = Held + (NEW.Status IN ('Active', 'LoginBlocked', 'Invited')), Listed = Listed + 1
                    WHERE OrganizationId = NEW.OrganizationId AND Tier = COALESCE(NEW.SeatTier, '');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Memberships_SeatHoldings_Delete AFTER DELETE ON Memberships
                WHEN OLD.Status <> 'Removed' BEGIN
                    UPDATE SeatHoldings SET Held = Held - (OLD.Status IN ('Active', 'LoginBlocked', 'Invited')), Listed = Listed - 1
                    WHERE OrganizationId = OLD.OrganizationId AND Tier = COALESCE(OLD.SeatTier, '');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Memberships_SeatHoldings_Update AFTER UPDATE OF Status, SeatTier, OrganizationId ON Memberships BEGIN
                    UPDATE SeatHoldings SET Held = Held - (OLD.Status IN ('Active', 'LoginBlocked', 'Invited')), Listed = Listed - 1
                    WHERE OLD.Status <> 'Removed' AND OrganizationId = OLD.OrganizationId AND Tier = COALESCE(OLD.SeatTier, '');
                    INSERT OR IGNORE INTO SeatHoldings (OrganizationId, Tier, Held, Listed)
                    SELECT NEW.OrganizationId, COALESCE(NEW.SeatTier, ''), 0, 0 WHERE NEW.Status <> 'Removed';
                    UPDATE SeatHoldings SET Held = Held + (NEW.Status IN ('Active', 'LoginBlocked', 'Invited')), Listed = Listed + 1
                    WHERE NEW.Status <> 'Removed' AND OrganizationId = NEW.OrganizationId AND Tier = COALESCE(NEW.SeatTier, '');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Memberships_SeatHoldings_Insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Memberships_SeatHoldings_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Memberships_SeatHoldings_Update;");
            // SQLite's own DROP COLUMN, not EF's table rebuild: EF runs the rebuild after these statements, and renaming the
            // rebuilt table fails while the triggers below name it.
            migrationBuilder.Sql("ALTER TABLE SeatHoldings DROP COLUMN Listed;");
            migrationBuilder.Sql("ALTER TABLE SeatHoldingChanges DROP COLUMN ListedDelta;");

            migrationBuilder.Sql("""
                CREATE TRIGGER Memberships_SeatHoldings_Insert AFTER INSERT ON Memberships
                WHEN NEW.Status IN ('Active', 'LoginBlocked', 'Invited') BEGIN
                    INSERT OR IGNORE INTO SeatHoldings (OrganizationId, Tier, Held) VALUES (NEW.OrganizationId, COALESCE(NEW.SeatTier, ''), 0);
                    UPDATE SeatHoldings SET Held = Held + 1 WHERE OrganizationId = NEW.OrganizationId AND Tier = COALESCE(NEW.SeatTier, '');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Memberships_SeatHoldings_Delete AFTER DELETE ON Memberships
                WHEN OLD.Status IN ('Active', 'LoginBlocked', 'Invited') BEGIN
                    UPDATE SeatHoldings SET Held = Held - 1 WHERE OrganizationId = OLD.OrganizationId AND Tier = COALESCE(OLD.SeatTier, '');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Memberships_SeatHoldings_Update AFTER UPDATE OF Status, SeatTier, OrganizationId ON Memberships BEGIN
                    UPDATE SeatHoldings SET Held = Held - 1
                    WHERE OLD.Status IN ('Active', 'LoginBlocked', 'Invited') AND OrganizationId = OLD.OrganizationId AND Tier = COALESCE(OLD.SeatTier, '');
                    INSERT OR IGNORE INTO SeatHoldings (OrganizationId, Tier, Held)
                    SELECT NEW.OrganizationId, COALESCE(NEW.SeatTier, ''), 0 WHERE NEW.Status IN ('Active', 'LoginBlocked', 'Invited');
                    UPDATE SeatHoldings SET Held = Held + 1
                    WHERE NEW.Status IN ('Active', 'LoginBlocked', 'Invited') AND OrganizationId = NEW.OrganizationId AND Tier = COALESCE(NEW.SeatTier, '');
                END;
                """);
        }
    }
}
