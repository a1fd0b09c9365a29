using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Scim;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser.Accessibility;

/// <summary>A Sync now that cannot finish says so in words and leaves the page working, instead of a raw error.</summary>
[Trait("Category", "Browser")]
public sealed class SyncNowBusyDatabaseTests(SyncNowBusyDatabaseTests.Portal portal) : IClassFixture<SyncNowBusyDatabaseTests.Portal>
{
    /// <summary>
    /// A busy timeout of 5 s instead of SQLite's default 30: the sync gives up the same way after 5 s instead of 30 (the
    /// test waited those 30 s). The hold below outlasts either.
    /// </summary>
    public sealed class Portal : BrowserFixture
    {
        protected override TimeSpan? DatabaseBusyTimeout => TimeSpan.FromSeconds(5);
    }

    [Fact]
    public async Task SyncNow_DatabaseBusyPastItsTimeout_SaysNothingChanged_PageKeepsWorking()
    {
        string connectionString;
        Guid parentId;
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            connectionString = db.Database.GetConnectionString()!;
            parentId = await db.Organizations.Where(o => o.Id == portal.Demo.AcmeChat).Select(o => o.ParentOrganizationId).SingleAsync();
        }

        await portal.Factory.Services.GetRequiredService<ScimTokenService>().GenerateAsync(parentId, new AuditActor(null, "test")); // Sync now needs a token
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity");
        var syncNow = page.GetByTestId("sync-now");
        var snackbars = page.Locator(".mud-snackbar");

        // Another writer keeps the database past SQLite's busy timeout (5 s, see Portal), so the sync's transaction gives up.
        await using (var writer = new SqliteConnection(connectionString))
        {
            await writer.OpenAsync();
            await using var hold = (SqliteTransaction)await writer.BeginTransactionAsync();
            await syncNow.ClickAsync();
            await Expect(page.GetByTestId("sync-progress")).ToHaveTextAsync("Syncing the directory…");
            await Expect(snackbars.Filter(new() { HasText = "Sync now could not finish, so nothing was changed." })).ToBeVisibleAsync(new() { Timeout = 90_000 });
            await hold.RollbackAsync();
        }

        await AxeCore.AssertNoViolationsAsync(page, "the settings page with Sync now's error"); // the error is readable, contrast included
        await Screenshots.SaveAsync(page, "a11y-sync-failed");
        await Expect(snackbars.Filter(new() { HasText = "database is locked" })).ToHaveCountAsync(0); // words, not the exception
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("sync-progress")).ToHaveTextAsync("");

        // The circuit lives on: the next Sync now runs.
        await syncNow.ClickAsync();
        await Expect(snackbars.Filter(new() { HasText = "Sync finished:" })).ToBeVisibleAsync();
    }
}
