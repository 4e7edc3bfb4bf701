namespace GigSearch.Tests;

/// <summary>Bad arguments exit with 2 and a message naming the bad part; --help explains everything and exits with 0.</summary>
public sealed class ArgumentTests
{
    [Theory]
    [InlineData("logo budget:>500USD", "budget:>500USD")]
    [InlineData("logo colour:red", "colour:")]
    [InlineData("logo posted:<7x", "posted:<7x")]
    public async Task ABadQueryExitsWithTwoNamingTheToken(string query, string token)
    {
        var run = await GigSearchProcess.RunAsync("--offline", query);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(token, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Searching", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--providers", "fiverr,dribbble")]
    [InlineData("-p", "dribbble")]
    public async Task AnUnknownSiteExitsWithTwoNamingIt(string option, string sites)
    {
        var run = await GigSearchProcess.RunAsync("--offline", option, sites, "logo design");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'dribbble'", run.Error, StringComparison.Ordinal);
        Assert.Contains("upwork, fiverr, freelancer, freelancer.co.id, sribulancer, projects.co.id", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownSiteInTheQueryExitsWithTwoNamingIt()
    {
        var run = await GigSearchProcess.RunAsync("--offline", "logo site:dribbble");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'dribbble'", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--limit", "0", "--limit 0")]
    [InlineData("--currency", "RUPIAH", "RUPIAH")]
    [InlineData("--sort", "oldest", "oldest")]
    [InlineData("--rate", "USD-IDR", "USD-IDR")]
    [InlineData("--culture", "xx-bogus", "--culture 'xx-bogus' is not a culture name")]
    public async Task ABadOptionValueExitsWithTwoNamingIt(string option, string value, string named)
    {
        var run = await GigSearchProcess.RunAsync("--offline", option, value, "logo");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(named, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpListsTheOptionsAndExamples()
    {
        var run = await GigSearchProcess.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var option in (string[])["--providers", "--currency", "--limit", "--sort", "--json", "--csv", "--offline", "--timeout", "--rate", "--culture", "--verbose"])
        {
            Assert.Contains(option, run.Output, StringComparison.Ordinal);
        }

        Assert.Contains("Examples:", run.Output, StringComparison.Ordinal);
        Assert.Contains("--offline \"logo design\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("UPWORK_ACCESS_TOKEN", run.Output, StringComparison.Ordinal);
        Assert.Contains("Exit codes", run.Output, StringComparison.Ordinal);
        Assert.Contains("Options:", run.Output, StringComparison.Ordinal);
        Assert.Contains("Currency to show budgets in", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Opsi:", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Output);
    }

    [Fact]
    public async Task HelpSpeaksIndonesianWithCultureId()
    {
        var run = await GigSearchProcess.RunAsync("--help", "--culture", "id-ID");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        foreach (var title in (string[])["Deskripsi:", "Pemakaian:", "Argumen:", "Opsi:"])
        {
            Assert.Contains(title, lines);
        }

        Assert.Contains(lines, l => l.EndsWith("[<query>] [opsi]", StringComparison.Ordinal));
        Assert.Contains("Mata uang untuk menampilkan anggaran (ISO 4217, mis. IDR, USD).", run.Output, StringComparison.Ordinal);
        Assert.Contains("Batas waktu tiap situs, dalam detik. [bawaan: 60]", run.Output, StringComparison.Ordinal);
        Assert.Contains("Tampilkan bantuan dan cara pemakaian", run.Output, StringComparison.Ordinal);
        Assert.Contains("Contoh:", run.Output, StringComparison.Ordinal);
        Assert.Contains("--offline \"logo design\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("UPWORK_ACCESS_TOKEN", run.Output, StringComparison.Ordinal);
        Assert.Contains("Kode keluar", run.Output, StringComparison.Ordinal);
        foreach (var option in (string[])["--providers", "--currency", "--limit", "--sort", "--json", "--csv", "--offline", "--timeout", "--rate", "--culture", "--verbose"])
        {
            Assert.Contains(option, run.Output, StringComparison.Ordinal);
        }

        foreach (var english in (string[])["Options:", "Usage:", "Examples:", "Currency to show", "[default:", "Show help"])
        {
            Assert.DoesNotContain(english, run.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--limit", "0", "--limit 0 di luar batas: isi 1 sampai 10000.")]
    [InlineData("--providers", "dribbble", "Situs 'dribbble' tidak dikenal. Situs yang dikenal: upwork, fiverr,")]
    public async Task ABadOptionValueIsExplainedInIndonesian(string option, string value, string message)
    {
        var run = await GigSearchProcess.RunAsync("--offline", "--culture", "id-ID", option, value, "logo");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMistypedOptionIsExplainedInIndonesian()
    {
        var run = await GigSearchProcess.RunAsync("--culture", "id-ID", "--ofline");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Opsi '--ofline' tidak dikenal.", run.Error, StringComparison.Ordinal);
        Assert.Contains("Jalankan dengan --help untuk melihat opsi dan contohnya.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProvidersNarrowTheSearch()
    {
        var run = await GigSearchProcess.RunAsync("--offline", "-p", "fiverr,sribulancer", "--limit", "3", "logo design");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Searching fiverr, sribulancer ...", run.Output, StringComparison.Ordinal);
        Assert.Contains("[fiverr] ", run.Output, StringComparison.Ordinal);
        Assert.Contains("[sribulancer] ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("[upwork] ", run.Output, StringComparison.Ordinal);
    }
}
