using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ParentTrustModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // An invitation not accepted yet holds the seat it reserved (MembershipStatuses.HoldsSeat): the seat counters
            // kept by the database count the Invited status too. No row has that status yet, so the counts stand.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Memberships_SeatHoldings_Insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Memberships_SeatHoldings_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Memberships_SeatHoldings_Update;");
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

            migrationBuilder.AddColumn<string>(
                name: "RoleBeforeSync",
                table: "Memberships",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RoleOverride",
                table: "Memberships",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RoleOverrideSetAt",
                table: "Memberships",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RoleOverrideSetBy",
                table: "Memberships",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EmailSignInLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReturnUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailSignInLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HeldTopRoleChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FromRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ToRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    HeldAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeldTopRoleChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HeldTopRoleChanges_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HeldTopRoleChanges_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Invitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MembershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SeatTier = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    InvitedByPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SendCount = table.Column<int>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Invitations_Memberships_MembershipId",
                        column: x => x.MembershipId,
                        principalTable: "Memberships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Invitations_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Invitations_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OrganizationJoinRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedByPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DecidedByPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganizationJoinRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganizationJoinRequests_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OrganizationJoinRequests_ParentOrganizations_ParentOrganizationId",
                        column: x => x.ParentOrganizationId,
                        principalTable: "ParentOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OrganizationJoinRequests_People_RequestedByPersonId",
                        column: x => x.RequestedByPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ToAddress = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ParentAdministrators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GrantedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    GrantedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParentAdministrators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParentAdministrators_ParentOrganizations_ParentOrganizationId",
                        column: x => x.ParentOrganizationId,
                        principalTable: "ParentOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ParentAdministrators_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PortalSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignInMethod = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedReason = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    UserAgent = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PortalSessions_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EmailSignInLinks_NormalizedEmail_CreatedAt",
                table: "EmailSignInLinks",
                columns: new[] { "NormalizedEmail", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EmailSignInLinks_TokenHash",
                table: "EmailSignInLinks",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HeldTopRoleChanges_OrganizationId_ResolvedAt",
                table: "HeldTopRoleChanges",
                columns: new[] { "OrganizationId", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldTopRoleChanges_PersonId",
                table: "HeldTopRoleChanges",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_MembershipId",
                table: "Invitations",
                column: "MembershipId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_OrganizationId_Status",
                table: "Invitations",
                columns: new[] { "OrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_PersonId",
                table: "Invitations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_Status_ExpiresAt",
                table: "Invitations",
                columns: new[] { "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_TokenHash",
                table: "Invitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationJoinRequests_OrganizationId_Status",
                table: "OrganizationJoinRequests",
                columns: new[] { "OrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationJoinRequests_ParentOrganizationId_Status",
                table: "OrganizationJoinRequests",
                columns: new[] { "ParentOrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationJoinRequests_RequestedByPersonId",
                table: "OrganizationJoinRequests",
                column: "RequestedByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_OrganizationId_CreatedAt",
                table: "OutboxMessages",
                columns: new[] { "OrganizationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SentAt_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "SentAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ParentAdministrators_ParentOrganizationId_PersonId",
                table: "ParentAdministrators",
                columns: new[] { "ParentOrganizationId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ParentAdministrators_PersonId",
                table: "ParentAdministrators",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PortalSessions_PersonId_RevokedAt",
                table: "PortalSessions",
                columns: new[] { "PersonId", "RevokedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Memberships_SeatHoldings_Insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Memberships_SeatHoldings_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Memberships_SeatHoldings_Update;");
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

            migrationBuilder.DropTable(
                name: "EmailSignInLinks");

            migrationBuilder.DropTable(
                name: "HeldTopRoleChanges");

            migrationBuilder.DropTable(
                name: "Invitations");

            migrationBuilder.DropTable(
                name: "OrganizationJoinRequests");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "ParentAdministrators");

            migrationBuilder.DropTable(
                name: "PortalSessions");

            migrationBuilder.DropColumn(
                name: "RoleBeforeSync",
                table: "Memberships");

            migrationBuilder.DropColumn(
                name: "RoleOverride",
                table: "Memberships");

            migrationBuilder.DropColumn(
                name: "RoleOverrideSetAt",
                table: "Memberships");

            migrationBuilder.DropColumn(
                name: "RoleOverrideSetBy",
                table: "Memberships");
        }
    }
}
