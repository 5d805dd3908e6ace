package io.jenkins.plugins.gitopspromotion.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.jenkins.plugins.gitopspromotion.pr.ApiToken;
import io.jenkins.plugins.gitopspromotion.pr.CommitStatus;
import io.jenkins.plugins.gitopspromotion.pr.ProviderKind;
import io.jenkins.plugins.gitopspromotion.pr.ProviderSettings;
import io.jenkins.plugins.gitopspromotion.pr.Providers;
import io.jenkins.plugins.gitopspromotion.pr.PullRequestProvider;
import io.jenkins.plugins.gitopspromotion.pr.RetryPolicy;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.TestClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commit statuses of the newest commits read as reports, within the provider's rate limit (GitHub on WireMock). */
class CommitStatusReaderTest {

    @TempDir
    Path temp;

    private WireMockServer github;
    private Repository repository;
    private final List<RevCommit> commits = new ArrayList<>();
    private final TestClock clock = new TestClock(Instant.parse("2026-11-27T12:05:00Z"));

    @BeforeEach
    void start() throws Exception {
        github = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        github.start();
        repository = BareRepos.create(temp.resolve("config.git"));
        for (int i = 0; i < 7; i++) {
            commits.add(BareRepos.commitFile(repository, "main", "apps/web/dev/file" + i, "v" + i + "\n", "Change " + i));
        }
        github.stubFor(get(urlMatching("/repos/acme/config/commits/[0-9a-f]{40}/statuses\\?per_page=100")).willReturn(okJson("[]")));
    }

    @AfterEach
    void stop() {
        github.stop();
        repository.close();
    }

    private CommitStatusReader reader() {
        PullRequestProvider provider = Providers.create(new ProviderSettings(ProviderKind.GITHUB, URI.create(github.baseUrl()),
                "acme/config", ApiToken.of("tok_status_reader".toCharArray())),
                new RetryPolicy(1, Duration.ZERO, Duration.ofSeconds(3), d -> { }), HttpClient.newHttpClient(), clock);
        return new CommitStatusReader(provider, clock);
    }

    private static String statuses(String context, String state, String description) {
        return "[{\"id\": 1, \"node_id\": \"MDY6U3RhdHVzMQ==\", \"state\": \"" + state + "\", \"description\": \"" + description
                + "\", \"target_url\": null, \"context\": \"" + context + "\", \"created_at\": \"2026-11-27T12:00:10Z\","
                + " \"updated_at\": \"2026-11-27T12:00:10Z\"}]";
    }

    private String path(RevCommit commit) {
        return "/repos/acme/config/commits/" + commit.name() + "/statuses?per_page=100";
    }

    @Test
    void fluxAndArgoCdStatusesOfTheNewestCommitsAreReportsAndOthersAreNot() throws Exception {
        RevCommit tip = commits.get(6);
        github.stubFor(get(urlEqualTo(path(tip))).willReturn(okJson(statuses("kustomization/apps/6f2a9c1e", "success",
                "reconciliation succeeded"))));
        github.stubFor(get(urlEqualTo(path(commits.get(5)))).willReturn(okJson(statuses("continuous-delivery/web-prod", "failure",
                "Degraded"))));
        github.stubFor(get(urlEqualTo(path(commits.get(4)))).willReturn(okJson(statuses("ci/build", "success", "Build passed"))));

        List<String> warnings = new ArrayList<>();
        List<DeploymentReport> reports = reader().read(repository, tip, null, warnings);

        assertThat(warnings).isEmpty();
        assertThat(reports).extracting(DeploymentReport::object, DeploymentReport::cluster, DeploymentReport::revision,
                DeploymentReport::signal).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Kustomization apps", "flux:6f2a9c1e", tip.name(), Signal.HEALTHY),
                        org.assertj.core.groups.Tuple.tuple("Application web-prod", null, commits.get(5).name(), Signal.DEGRADED));
        assertThat(reports.get(0).source()).isEqualTo(ReportSource.COMMIT_STATUS);
        assertThat(reports.get(0).reportedAt()).isEqualTo("2026-11-27T12:00:10Z");
        assertThat(reports.get(0).message()).isEqualTo("kustomization/apps/6f2a9c1e success: reconciliation succeeded");
        github.verify(CommitStatusReader.COMMITS, getRequestedFor(urlMatching("/repos/acme/config/commits/.*")));
        github.verify(0, getRequestedFor(urlEqualTo(path(commits.get(1)))));
    }

    @Test
    void eachCommitIsAskedAgainOnlyAfterThirtySecondsAndNotBeyondTheOldestWorthAsking() throws Exception {
        CommitStatusReader reader = reader();
        RevCommit tip = commits.get(6);
        reader.read(repository, tip, commits.get(5).name(), new ArrayList<>());
        github.verify(2, getRequestedFor(urlMatching("/repos/acme/config/commits/.*")));

        clock.advance(Duration.ofSeconds(29));
        reader.read(repository, tip, commits.get(5).name(), new ArrayList<>());
        github.verify(2, getRequestedFor(urlMatching("/repos/acme/config/commits/.*")));

        clock.advance(Duration.ofSeconds(2));
        reader.read(repository, tip, commits.get(5).name(), new ArrayList<>());
        github.verify(4, getRequestedFor(urlMatching("/repos/acme/config/commits/.*")));
    }

    @Test
    void aProviderThatFailsIsAWarningNotAnError() throws Exception {
        github.stubFor(get(urlEqualTo(path(commits.get(6)))).willReturn(aResponse().withStatus(403).withHeader("Content-Type",
                "application/json").withBody("{\"message\": \"Resource not accessible by personal access token\"}")));
        List<String> warnings = new ArrayList<>();
        assertThat(reader().read(repository, commits.get(6), null, warnings)).isEmpty();
        assertThat(warnings).singleElement().asString().startsWith("the commit statuses of " + commits.get(6).name().substring(0, 10)
                + " could not be read: GitHub API GET").contains("answered 403").doesNotContain("tok_status_reader");
    }

    @Test
    void bitbucketsKeyedFluxStatusesTellTheirProviderByTheKey() {
        CommitStatus keyed = new CommitStatus("kustomization/apps", "b7f9d6a3c5e0f1a2b3c4d5e6f708192a3b4c5d6e",
                CommitStatus.State.FAILURE, "health check failed", "", "");
        Instant now = clock.instant();
        List<DeploymentReport> reports = CommitStatusReports.of(commits.get(0).name(), List.of(keyed), now);
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.cluster()).isEqualTo("flux:b7f9d6a3");
            assertThat(r.signal()).isEqualTo(Signal.DEGRADED);
            assertThat(r.reportedAt()).as("no time given: when it was read").isEqualTo(now.toString());
        });
        assertThat(CommitStatusReports.of(commits.get(0).name(), List.of(keyed), now.plusSeconds(60)).get(0).id())
                .as("the same status read again is the same report").isEqualTo(reports.get(0).id());
    }
}
