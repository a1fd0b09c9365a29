using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ListedDelta",
                table: "SeatHoldingChanges",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // The members page's total (issue 19): every listed membership (all statuses but Removed) counted per
            // organization and tier next to the held seats, by the same trigger, one change row per membership at most
            // as before. The backfill counts today's rows; the changes not folded yet carry no listed delta.
            migrationBuilder.Sql("""
                INSERT INTO "SeatHoldings" ("OrganizationId", "Tier", "Held", "Listed")
                SELECT "OrganizationId", COALESCE("SeatTier", ''), 0, count(*)::int FROM "Memberships"
                WHERE "Status" <> 'Removed' GROUP BY "OrganizationId", COALESCE("SeatTier", '')
                ON CONFLICT ("OrganizationId", "Tier") DO UPDATE SET "Listed" = EXCLUDED."Listed";
                """);
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION seat_holdings_track() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    old_held int := 0; old_listed int := 0; new_held int := 0; new_listed int := 0;
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        old_held := CASE WHEN OLD."Status" IN ('Active', 'LoginBlocked', 'Invited') THEN 1 ELSE 0 END;
                        old_listed := CASE WHEN OLD."Status" <> 'Removed' THEN 1 ELSE 0 END;
                    END IF;
                    IF TG_OP IN ('UPDATE', 'INSERT') THEN
                        new_held := CASE WHEN NEW."Status" IN ('Active', 'LoginBlocked', 'Invited') THEN 1 ELSE 0 END;
                        new_listed := CASE WHEN NEW."Status" <> 'Removed' THEN 1 ELSE 0 END;
                    END IF;
                    IF TG_OP = 'UPDATE' AND OLD."OrganizationId" = NEW."OrganizationId" AND COALESCE(OLD."SeatTier", '') = COALESCE(NEW."SeatTier", '') THEN
                        IF new_held <> old_held OR new_listed <> old_listed THEN
                            INSERT INTO "SeatHoldingChanges" ("OrganizationId", "Tier", "Delta", "ListedDelta")
                            VALUES (NEW."OrganizationId", COALESCE(NEW."SeatTier", ''), new_held - old_held, new_listed - old_listed);
                        END IF;
                        RETURN NULL; -- one row for both counters, none when neither moved
                    END IF;
                    IF old_held + old_listed > 0 THEN
                        INSERT INTO "SeatHoldingChanges" ("OrganizationId", "Tier", "Delta", "ListedDelta")
                        VALUES (OLD."OrganizationId", COALESCE(OLD."SeatTier", ''), -old_held, -old_listed);
                    END IF;
                    IF new_held + new_listed > 0 THEN
                        INSERT INTO "SeatHoldingChanges" ("OrganizationId", "Tier", "Delta", "ListedDelta")
                        VALUES (NEW."OrganizationId", COALESCE(NEW."SeatTier", ''), new_held, new_listed);
                    END IF;
                    RETURN NULL;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION seat_holdings_track() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND OLD."Status" IN ('Active', 'LoginBlocked', 'Invited') AND NEW."Status" IN ('Active', 'LoginBlocked', 'Invited')
                        AND OLD."OrganizationId" = NEW."OrganizationId" AND COALESCE(OLD."SeatTier", '') = COALESCE(NEW."SeatTier", '') THEN
                        RETURN NULL; -- still holding the same seat
                    END IF;
                    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."Status" IN ('Active', 'LoginBlocked', 'Invited') THEN
                        INSERT INTO "SeatHoldingChanges" ("OrganizationId", "Tier", "Delta") VALUES (OLD."OrganizationId", COALESCE(OLD."SeatTier", ''), -1);
                    END IF;
                    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW."Status" IN ('Active', 'LoginBlocked', 'Invited') THEN
                        INSERT INTO "SeatHoldingChanges" ("OrganizationId", "Tier", "Delta") VALUES (NEW."OrganizationId", COALESCE(NEW."SeatTier", ''), 1);
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            // The changes that only listed or unlisted someone leave nothing to fold into the held seats.
            migrationBuilder.Sql("""DELETE FROM "SeatHoldingChanges" WHERE "Delta" = 0;""");

            migrationBuilder.DropColumn(
                name: "Listed",
                table: "SeatHoldings");

            migrationBuilder.DropColumn(
                name: "ListedDelta",
                table: "SeatHoldingChanges");
        }
    }
}
