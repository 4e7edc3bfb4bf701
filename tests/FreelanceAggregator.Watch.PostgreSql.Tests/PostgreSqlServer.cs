using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

[assembly: AssemblyFixture(typeof(FreelanceAggregator.Watch.PostgreSql.Tests.PostgreSqlServer))]

namespace FreelanceAggregator.Watch.PostgreSql.Tests;

/// <summary>
/// A throw-away PostgreSQL server for the whole test run: <c>initdb</c> into a temp folder, <c>pg_ctl</c> on a free
/// loopback port with its socket in that folder, durability off (the data dies with the run). Each test makes a
/// database of its own. Started once per run as an assembly fixture, so test classes still run in parallel.
/// </summary>
/// <remarks>
/// The binaries come from Debian's <c>postgresql</c> package (<c>/usr/lib/postgresql/N/bin</c>, the highest N), or from
/// the folder in <c>FA_POSTGRES_BIN</c>. PostgreSQL refuses to run as root; under root the server runs as <c>nobody</c>
/// (through <c>runuser</c>) and owns only its temp folder. Missing binaries fail every test with a message saying
/// what to install: a silent skip would read as a green run of a store nobody tested.
/// </remarks>
public sealed class PostgreSqlServer : IAsyncLifetime
{
    public const string SuperUser = "fa_test";

    private const string ServerUser = "nobody";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "fa-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private string _bin = string.Empty;
    private NpgsqlDataSource? _admin;
    private int _databases;

    public string Host { get; } = "127.0.0.1";

    public int Port { get; private set; }

    /// <summary>Gets the superuser's password, random per run; tests check that it never shows in a message.</summary>
    public string Password { get; } = "pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    private string DataFolder => Path.Combine(_root, "data");

    private static bool RunningAsRoot => Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows();

    public string ConnectionString(string database, string? user = null, string? password = null, int? port = null) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = port ?? Port,
        Database = database,
        Username = user ?? SuperUser,
        Password = password ?? Password,
        Timeout = 5,
        Pooling = true,
    }.ToString();

    public async ValueTask InitializeAsync()
    {
        _bin = FindBinaries();
        Directory.CreateDirectory(_root);
        var passwordFile = Path.Combine(_root, "password");
        await File.WriteAllTextAsync(passwordFile, Password);
        if (RunningAsRoot)
        {
            await RunAsync("chown", ["-R", ServerUser, _root]);
        }

        await RunPostgresToolAsync("initdb", ["-D", DataFolder, "-U", SuperUser, "--pwfile", passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync", "--no-locale", "-E", "UTF8"]);
        File.Delete(passwordFile);

        // A port that was free a moment ago may be taken by the time the server binds it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            var options = string.Create(
                CultureInfo.InvariantCulture,
                $"-p {Port} -k {_root} -c listen_addresses={Host} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400 -c shared_buffers=64MB");
            try
            {
                await RunPostgresToolAsync("pg_ctl", ["-D", DataFolder, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "-o", options, "start"]);
                break;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }

        _admin = NpgsqlDataSource.Create(ConnectionString("postgres"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_admin is not null)
        {
            await _admin.DisposeAsync();
        }

        try
        {
            if (Directory.Exists(DataFolder))
            {
                await RunPostgresToolAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "stop"]);
            }
        }
        finally
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Makes an empty database of the test's own, owned by the superuser.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"t{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("N")[..8]}");
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE template0 STRATEGY FILE_COPY", cancellationToken);
        return name;
    }

    public Task DropDatabaseAsync(string name, CancellationToken cancellationToken) =>
        ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", cancellationToken);

    /// <summary>Runs a statement as the superuser, in the <c>postgres</c> database or in <paramref name="database"/>.</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken, string? database = null)
    {
        if (database is null)
        {
            await using var command = _admin!.CreateCommand(sql);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        await using var connection = new NpgsqlConnection(ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var other = new NpgsqlCommand(sql, connection);
        await other.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Reads one value as the superuser in <paramref name="database"/>.</summary>
    public async Task<object?> ScalarAsync(string database, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Gets a loopback port nothing listens on (just now).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindBinaries()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("FA_POSTGRES_BIN") is { Length: > 0 } configured)
        {
            // Said on purpose: only that folder, so a wrong setting fails instead of quietly using another build.
            return File.Exists(Path.Combine(configured, "initdb")) && File.Exists(Path.Combine(configured, "pg_ctl"))
                ? configured
                : throw new InvalidOperationException($"FA_POSTGRES_BIN is '{configured}', but that folder does not hold PostgreSQL's initdb and pg_ctl. Point it at the server programs' folder (e.g. /usr/lib/postgresql/15/bin), or unset it to use Debian's postgresql package.");
        }

        const string Debian = "/usr/lib/postgresql";
        if (Directory.Exists(Debian))
        {
            candidates.AddRange(Directory.GetDirectories(Debian)
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1, Bin: Path.Combine(d, "bin")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Bin));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        return candidates.FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "The PostgreSQL store tests need PostgreSQL's server programs (initdb, pg_ctl), and none were found in FA_POSTGRES_BIN, under /usr/lib/postgresql/*/bin or on PATH. "
                + "Install Debian's postgresql package (apt-get install postgresql; .ci/run does this on a fresh machine), or set FA_POSTGRES_BIN to a folder that holds them.");
    }

    private Task RunPostgresToolAsync(string tool, IReadOnlyList<string> arguments)
    {
        var program = Path.Combine(_bin, tool);
        if (!RunningAsRoot)
        {
            return RunAsync(program, arguments);
        }

        if (!File.Exists("/usr/sbin/runuser") && !File.Exists("/sbin/runuser"))
        {
            throw new InvalidOperationException(
                $"The tests run as root, which PostgreSQL refuses, and runuser (util-linux) is missing to run {tool} as '{ServerUser}'. Install util-linux, or run the tests as an ordinary user.");
        }

        return RunAsync("runuser", ["-u", ServerUser, "--", program, .. arguments]);
    }

    private async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_root, "server.log");
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments.Select(a => a == Password ? "***" : a))} failed with exit code {process.ExitCode}:\n{await output}\n{await error}"
                + (File.Exists(log) ? "\nserver.log:\n" + await File.ReadAllTextAsync(log) : string.Empty));
        }
    }
}
