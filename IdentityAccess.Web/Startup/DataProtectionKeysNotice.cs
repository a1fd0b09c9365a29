namespace IdentityAccess.Web.Startup;

/// <summary>Says once, at start-up, where this instance keeps its Data Protection keys and what several instances need.</summary>
internal sealed class DataProtectionKeysNotice(ILogger<DataProtectionKeysNotice> logger, IHostEnvironment environment, DataProtectionKeyStore store)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (store.Certificate is { } certificate)
        {
            logger.LogInformation("Data Protection keys are stored in the database, encrypted with the certificate {Subject} (thumbprint {Thumbprint}).",
                certificate.Subject, certificate.Thumbprint);
        }
        else
        {
            logger.Log(environment.IsDevelopment() ? LogLevel.Information : LogLevel.Warning,
                "Data Protection keys (they protect sign-in cookies and form tokens) are kept in {Directory}, on this machine only. That is " +
                "enough for one instance. To run several instances, give each the same certificate: set DataProtection:Certificate:Path to a " +
                "PFX file and DataProtection:Certificate:Password to its password. The keys are then kept in the database, encrypted with " +
                "that certificate, and every instance reads the cookies the others issued (docs/deployment.md).", store.Directory);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
