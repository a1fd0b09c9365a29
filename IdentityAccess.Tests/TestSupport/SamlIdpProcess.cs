using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// npm saml-idp (TOOLCHAIN.md §8), an IdP nobody here wrote, on 127.0.0.1: its user form signs the person in and
/// auto-posts a signed Response to the ACS the AuthnRequest names. It signs with a fresh RSA-2048 key made here, so no
/// key lives in the repository and openssl is not needed. Installed by scripts/test.sh (npm ci in
/// IdentityAccess.Tests/saml-idp).
/// </summary>
public sealed class SamlIdpProcess : IAsyncDisposable
{
    public const string EntityId = "urn:example:idp";

    private readonly Process _process;
    private readonly DirectoryInfo _keys;
    private readonly StringBuilder _output = new();

    private string _certificate = "";
    private string _privateKey = "";

    private SamlIdpProcess(Process process, DirectoryInfo keys, int port)
    {
        (_process, _keys) = (process, keys);
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine(); // drained continuously: it prints every Response, and a full pipe would stall it
        _process.BeginErrorReadLine();
    }

    public Uri BaseUrl { get; }

    public Uri MetadataUrl => new(BaseUrl, "metadata");

    /// <summary>What the IdP printed (requests, the users it signed in, errors), for a failing test's output.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="acsUrl">Only a default: saml-idp posts to the ACS URL the AuthnRequest carries.</param>
    /// <param name="audience">The SP entityID, fixed for the IdP's lifetime.</param>
    public static Task<SamlIdpProcess> StartAsync(Uri acsUrl, string audience)
    {
        var keys = Directory.CreateTempSubdirectory("ia-saml-idp-");
        var (certificate, privateKey) = WriteSigningKey(keys);
        return StartAsync(acsUrl, audience, keys, certificate, privateKey, []);
    }

    /// <summary>
    /// A second saml-idp with this one's issuer and signing key (so a connection to this one trusts it) that encrypts
    /// every assertion for <paramref name="spEncryption"/>, the SP's encryption certificate (encrypting.js says why it
    /// is started through a launcher).
    /// </summary>
    public async Task<SamlIdpProcess> StartEncryptingTwinAsync(Uri acsUrl, string audience, X509Certificate2 spEncryption)
    {
        var keys = Directory.CreateTempSubdirectory("ia-saml-idp-enc-");
        var certificatePath = Path.Combine(keys.FullName, "sp-encryption-cert.pem");
        var publicKeyPath = Path.Combine(keys.FullName, "sp-encryption-public-key.pem");
        await File.WriteAllTextAsync(certificatePath, spEncryption.ExportCertificatePem());
        using var publicKey = spEncryption.GetRSAPublicKey()!;
        await File.WriteAllTextAsync(publicKeyPath, publicKey.ExportSubjectPublicKeyInfoPem());
        return await StartAsync(acsUrl, audience, keys, _certificate, _privateKey,
            ["--encryptAssertion", "--encryptionCert", certificatePath, "--encryptionPublicKey", publicKeyPath]);
    }

    private static async Task<SamlIdpProcess> StartAsync(Uri acsUrl, string audience, DirectoryInfo keys, string certificate, string privateKey,
        IReadOnlyList<string> encryption)
    {
        var folder = PackageFolder();
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var idp = new SamlIdpProcess(Start(folder, port, acsUrl, audience, certificate, privateKey, encryption), keys, port)
            {
                _certificate = certificate,
                _privateKey = privateKey,
            };
            try
            {
                await idp.WaitUntilAnsweringAsync();
                return idp;
            }
            catch (InvalidOperationException) when (attempt < 5 && idp.Output.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                await idp.StopAsync(); // the port was taken between choosing and binding it: try another
            }
            catch
            {
                await idp.DisposeAsync();
                throw;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _keys.Delete(recursive: true);
    }

    private async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static Process Start(string folder, int port, Uri acsUrl, string audience, string certificate, string privateKey,
        IReadOnlyList<string> encryption)
    {
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["FORCE_COLOR"] = "0" }, // its console output is chalk-coloured; plain text reads better in a test log
        };
        // --configFile is resolved relative to the package unless absolute (TOOLCHAIN.md §8).
        var script = encryption.Count == 0 ? "node_modules/saml-idp/bin/run.js" : "encrypting.js";
        string[] arguments = [script, "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--acsUrl", acsUrl.AbsoluteUri, "--audience", audience, "--issuer", EntityId, "--cert", certificate, "--key", privateKey,
                     "--configFile", Path.Combine(folder, "profile.js"), .. encryption];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            return Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("node is not on PATH. The README's test command (scripts/test.sh) installs nodejs and npm.", e);
        }
    }

    // saml-idp's --cert/--key take PEM files; it wants the key as PKCS#1 ("RSA PRIVATE KEY"), as openssl writes it.
    private static (string Certificate, string PrivateKey) WriteSigningKey(DirectoryInfo folder)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=saml-idp interop test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var certificatePath = Path.Combine(folder.FullName, "idp-public-cert.pem");
        var keyPath = Path.Combine(folder.FullName, "idp-private-key.pem");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, rsa.ExportRSAPrivateKeyPem());
        return (certificatePath, keyPath);
    }

    private static string PackageFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IdentityAccess.sln")))
        {
            dir = dir.Parent;
        }

        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "IdentityAccess.Tests", "saml-idp");
        if (!File.Exists(Path.Combine(folder, "node_modules", "saml-idp", "bin", "run.js")))
        {
            throw new InvalidOperationException($"npm saml-idp is not installed in {folder}. Run (cd IdentityAccess.Tests/saml-idp && npm ci); the README's test command (scripts/test.sh) does.");
        }

        return folder;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // node loads express and samlp in a second or two; longer on a busy 2-core machine. The port may meanwhile have gone
    // to another server that answers /metadata too (another test class's saml-idp), so the answer counts only once this
    // process has said it is listening: saml-idp prints its metadata URL from the listen callback.
    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(); // flushes the last output lines
                throw new InvalidOperationException($"saml-idp exited with code {_process.ExitCode}:\n{Output}");
            }

            if (!Output.Contains("IdP Metadata URL:", StringComparison.Ordinal))
            {
                await Task.Delay(100);
                continue;
            }

            try
            {
                using var response = await http.GetAsync(MetadataUrl);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"saml-idp did not answer {MetadataUrl} within 30 s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
