package io.jenkins.plugins.gitopspromotion.deploy;

import static io.jenkins.plugins.gitopspromotion.testing.AgentReports.ARGOCD_TOKEN;
import static io.jenkins.plugins.gitopspromotion.testing.AgentReports.FLUX_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.config.ConfigLoader;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.testing.AgentReports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the receivers record and what they refuse, with bodies and signatures as the agents make them. */
class HookReceiverTest {

    static final String CONFIG = """
            environments:
              - name: dev
                path: apps/{app}/dev
                deployments:
                  - flux: {kustomization: apps, namespace: flux-system}
              - name: prod
                path: apps/{app}/prod
                deployments:
                  - argocd: {application: "{app}-prod"}
            apps:
              - name: web
                image: ghcr.io/acme/web
              - name: api
                image: ghcr.io/acme/api
            """;

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final String SHA = "731f7eaddfb6af01cb2173e18f0f75b0ba780ef1";
    static final String GENERIC_KEY = "generic-key-for-the-edge-deployer";
    static final RepositoryLocation REPOSITORY = RepositoryLocation.parse("https://git.example.com/ops/config.git");

    @TempDir
    Path temp;

    private DeploymentStore store;
    private HookReceiver receiver;
    private final List<HookReceiver.Answer> answers = new java.util.ArrayList<>();

    static PromotionConfig config() {
        return ConfigLoader.parse(ConfigLoader.CONFIG_PATH, CONFIG.getBytes(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void open() throws IOException {
        store = DeploymentStore.open(temp.resolve("reports"));
        receiver = new HookReceiver(store, REPOSITORY, Map.of(
                ReportSource.FLUX, keys(FLUX_KEY),
                ReportSource.ARGOCD, keys(ARGOCD_TOKEN),
                ReportSource.GENERIC, keys(GENERIC_KEY)), () -> new DeploymentMapping(config()), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() throws IOException {
        store.close();
        for (HookReceiver.Answer answer : answers) {
            assertThat(answer.json()).doesNotContain(FLUX_KEY).doesNotContain(ARGOCD_TOKEN).doesNotContain(GENERIC_KEY);
        }
    }

    static HookKeys keys(String... secrets) {
        return HookKeys.of(Arrays.stream(secrets).map(String::toCharArray).toList());
    }

    private HookReceiver.Answer send(ReportSource source, String body, Map<String, String> headers) {
        return send(source, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private HookReceiver.Answer send(ReportSource source, byte[] body, Map<String, String> headers) {
        Map<String, String> byName = new HashMap<>();
        headers.forEach((k, v) -> byName.put(k.toLowerCase(java.util.Locale.ROOT), v));
        HookReceiver.Answer answer = receiver.receive(source, body, name -> byName.get(name.toLowerCase(java.util.Locale.ROOT)));
        answers.add(answer);
        return answer;
    }

    static String succeeded(Instant at) {
        return AgentReports.fluxEvent("flux-system", "apps", "info", "ReconciliationSucceeded",
                "Reconciliation finished in 2.1s, next run in 10m0s", at, Map.of("revision", "main@sha1:" + SHA,
                        "commit_status", "update", "env", "dev", "cluster", "dev-eu"));
    }

    @Test
    void anAuthenticFluxEventIsRecordedForEveryAppTheKustomizationDeploys() {
        String body = succeeded(NOW.minusSeconds(30));
        HookReceiver.Answer answer = send(ReportSource.FLUX, body, Map.of("X-Signature", AgentReports.signature(FLUX_KEY, body),
                "Gotk-Component", "kustomize-controller", "Content-Type", "application/json"));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json()).isEqualTo("{\"status\":\"recorded\",\"cells\":[\"web in dev\",\"api in dev\"]}");
        DeploymentReport report = store.reports().get(0);
        assertThat(report.source()).isEqualTo(ReportSource.FLUX);
        assertThat(report.object()).isEqualTo("Kustomization flux-system/apps");
        assertThat(report.revision()).isEqualTo(SHA);
        assertThat(report.signal()).isEqualTo(Signal.HEALTHY);
        assertThat(report.cluster()).isEqualTo("dev-eu");
        assertThat(report.env()).isEqualTo("dev");
        assertThat(report.reportedAt()).isEqualTo("2026-11-27T11:59:30Z");
        assertThat(report.receivedAt()).isEqualTo(NOW.toString());
        assertThat(report.message()).isEqualTo("ReconciliationSucceeded: Reconciliation finished in 2.1s, next run in 10m0s");
    }

    @Test
    void theOlderRevisionFormAndTheGroupPrefixedKeyAreReadToo() {
        String body = AgentReports.fluxEvent("flux-system", "apps", "error", "HealthCheckFailed",
                "timeout waiting for: [Deployment/default/web status: 'InProgress']", NOW,
                Map.of("kustomize.toolkit.fluxcd.io/revision", "main/" + SHA));
        assertThat(send(ReportSource.FLUX, body, Map.of("X-Signature", AgentReports.signature(FLUX_KEY, body))).status())
                .isEqualTo(202);
        assertThat(store.reports().get(0).revision()).isEqualTo(SHA);
        assertThat(store.reports().get(0).signal()).isEqualTo(Signal.DEGRADED);
        assertThat(store.reports().get(0).cluster()).isNull();
    }

    @Test
    void aTamperedBodyAWrongKeyOrAMissingSignatureChangeNothing() {
        String body = succeeded(NOW);
        String signature = AgentReports.signature(FLUX_KEY, body);

        HookReceiver.Answer tampered = send(ReportSource.FLUX, body.replace("\"severity\":\"info\"", "\"severity\":\"error\""),
                Map.of("X-Signature", signature));
        HookReceiver.Answer wrongKey = send(ReportSource.FLUX, body, Map.of("X-Signature", AgentReports.signature("other-key", body)));
        HookReceiver.Answer missing = send(ReportSource.FLUX, body, Map.of());
        HookReceiver.Answer unknownHash = send(ReportSource.FLUX, body, Map.of("X-Signature", signature.replace("sha256=", "md5=")));

        assertThat(List.of(tampered, wrongKey, missing, unknownHash)).extracting(HookReceiver.Answer::status)
                .containsOnly(401);
        assertThat(tampered.json()).isEqualTo("{\"error\":\"the X-Signature does not match the body under this hook's key\"}");
        assertThat(missing.json()).contains("the X-Signature header is missing");
        assertThat(store.reports()).isEmpty();
    }

    @Test
    void aReplayIsRecordedOnceAndAReportOutOfTheTimeWindowNotAtAll() throws IOException {
        String body = succeeded(NOW);
        Map<String, String> headers = Map.of("X-Signature", AgentReports.signature(FLUX_KEY, body));
        assertThat(send(ReportSource.FLUX, body, headers).status()).isEqualTo(202);
        HookReceiver.Answer replay = send(ReportSource.FLUX, body, headers);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json()).contains("\"status\":\"duplicate\"");

        String old = succeeded(NOW.minusSeconds(601));
        HookReceiver.Answer late = send(ReportSource.FLUX, old, Map.of("X-Signature", AgentReports.signature(FLUX_KEY, old)));
        String future = succeeded(NOW.plusSeconds(601));
        HookReceiver.Answer early = send(ReportSource.FLUX, future, Map.of("X-Signature", AgentReports.signature(FLUX_KEY, future)));
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.json()).isEqualTo("{\"error\":\"the report's time 2026-11-27T11:49:59Z is more than 10 minutes from this"
                + " server's 2026-11-27T12:00:00Z: a replay, or a clock out of step\"}");
        assertThat(early.status()).isEqualTo(400);
        assertThat(store.reports()).hasSize(1);

        store.close();
        store = DeploymentStore.open(temp.resolve("reports"));
        receiver = new HookReceiver(store, REPOSITORY, Map.of(ReportSource.FLUX, keys(FLUX_KEY)), () -> new DeploymentMapping(config()),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(send(ReportSource.FLUX, body, headers).json()).as("a replay after a restart")
                .contains("\"status\":\"duplicate\"");
    }

    @Test
    void anOversizedOrMalformedBodyIsRefused() {
        byte[] large = new byte[HookReceiver.MAX_BODY + 1];
        Arrays.fill(large, (byte) ' ');
        assertThat(send(ReportSource.FLUX, large, Map.of("X-Signature", "sha256=00")).status()).isEqualTo(413);

        for (String body : List.of("not json", "[1,2]", "{\"severity\":\"info\"}",
                succeeded(NOW).replace("\"severity\":\"info\"", "\"severity\":\"warning\""),
                succeeded(NOW).replace("2026-11-27T12:00:00Z", "yesterday"))) {
            HookReceiver.Answer answer = send(ReportSource.FLUX, body, Map.of("X-Signature", AgentReports.signature(FLUX_KEY, body)));
            assertThat(answer.status()).as(body).isEqualTo(400);
        }
        assertThat(answers.get(answers.size() - 1).json())
                .isEqualTo("{\"error\":\"timestamp is not an RFC 3339 time (such as 2026-11-27T12:00:00Z) in a Flux event\"}");
        assertThat(store.reports()).isEmpty();
    }

    @Test
    void anUnknownKustomizationOrAnEventWithoutRevisionIsAnsweredButNotRecorded() {
        String other = AgentReports.fluxEvent("flux-system", "infra", "info", "ReconciliationSucceeded", "done", NOW,
                Map.of("revision", "main@sha1:" + SHA));
        HookReceiver.Answer unknown = send(ReportSource.FLUX, other, Map.of("X-Signature", AgentReports.signature(FLUX_KEY, other)));
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.json()).isEqualTo("{\"status\":\"ignored\",\"reason\":\"no environment of .gitops/promotion.yaml lists"
                + " Kustomization flux-system/infra under deployments\"}");

        String noRevision = AgentReports.fluxEvent("flux-system", "apps", "info", "Progressing", "applied", NOW, Map.of());
        assertThat(send(ReportSource.FLUX, noRevision, Map.of("X-Signature", AgentReports.signature(FLUX_KEY, noRevision))).json())
                .contains("\"status\":\"ignored\"").contains("names no commit");
        assertThat(store.reports()).isEmpty();
    }

    @Test
    void twoKeysAreActiveWhileRotating() throws IOException {
        store.close();
        store = DeploymentStore.open(temp.resolve("rotating"));
        receiver = new HookReceiver(store, REPOSITORY, Map.of(ReportSource.FLUX, keys("old-key", "new-key")), () -> new DeploymentMapping(config()),
                Clock.fixed(NOW, ZoneOffset.UTC));
        String first = succeeded(NOW);
        String second = succeeded(NOW.minusSeconds(1));
        String third = succeeded(NOW.minusSeconds(2));
        assertThat(send(ReportSource.FLUX, first, Map.of("X-Signature", AgentReports.signature("old-key", first))).status()).isEqualTo(202);
        assertThat(send(ReportSource.FLUX, second, Map.of("X-Signature", AgentReports.signature("new-key", second))).status()).isEqualTo(202);
        assertThat(send(ReportSource.FLUX, third, Map.of("X-Signature", AgentReports.signature("retired-key", third))).status())
                .isEqualTo(401);
        assertThat(store.reports()).hasSize(2);
        assertThat(keys("old-key", "new-key").toString()).isEqualTo("HookKeys[2 × ****]");
    }

    @Test
    void argoCdIsAuthenticatedByItsBearerTokenAndMapsByApplicationName() {
        String body = AgentReports.argoNotification("web-prod", "Synced", SHA, "Succeeded", "Healthy",
                List.of("ghcr.io/acme/web:1.5.0", "redis:7"), NOW);
        assertThat(send(ReportSource.ARGOCD, body, Map.of()).json()).contains("the Authorization header is missing");
        assertThat(send(ReportSource.ARGOCD, body, Map.of("Authorization", "Bearer " + FLUX_KEY)).status()).isEqualTo(401);
        assertThat(send(ReportSource.ARGOCD, body, Map.of("Authorization", "Basic " + ARGOCD_TOKEN)).status()).isEqualTo(401);

        HookReceiver.Answer answer = send(ReportSource.ARGOCD, body, Map.of("Authorization", "Bearer " + ARGOCD_TOKEN));
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json()).isEqualTo("{\"status\":\"recorded\",\"cells\":[\"web in prod\"]}");
        DeploymentReport report = store.reports().get(0);
        assertThat(report.signal()).isEqualTo(Signal.HEALTHY);
        assertThat(report.images()).containsExactly("ghcr.io/acme/web:1.5.0", "redis:7");
        assertThat(report.cluster()).isEqualTo("prod-eu");
        assertThat(report.message()).isEqualTo("sync Synced, health Healthy, operation Succeeded: successfully synced (all tasks run)");
    }

    @Test
    void argoCdStatesMapToSignals() throws MalformedReportException {
        assertThat(argo("Synced", "Succeeded", "Progressing")).isEqualTo(Signal.DEPLOYED);
        assertThat(argo("Synced", "Succeeded", "Degraded")).isEqualTo(Signal.DEGRADED);
        assertThat(argo("OutOfSync", "Failed", "Healthy")).isEqualTo(Signal.FAILED);
        assertThat(argo("OutOfSync", "Error", "Healthy")).isEqualTo(Signal.FAILED);
        assertThat(argo("OutOfSync", "Running", "Healthy")).isEqualTo(Signal.PROGRESSING);
        assertThat(argo("OutOfSync", null, "Healthy")).isEqualTo(Signal.PROGRESSING);
    }

    private static Signal argo(String sync, String phase, String health) throws MalformedReportException {
        return ArgoCdNotifications.read(AgentReports.argoNotification("web-prod", sync, SHA, phase, health, List.of(), NOW)
                .getBytes(StandardCharsets.UTF_8), "id", NOW, REPOSITORY).signal();
    }

    @Test
    void anApplicationOfSeveralSourcesIsReadAtTheConfigRepositorysSourceHoweverItsUrlIsWritten() throws MalformedReportException {
        String other = "0123456789abcdef0123456789abcdef01234567";
        assertThat(multiSourceRevision(List.of("https://charts.example.com", "git@git.example.com:ops/config.git"),
                List.of("1.2.3", SHA))).as("a chart beside values from the config repository over SSH").isEqualTo(SHA);
        assertThat(multiSourceRevision(List.of("https://git.example.com/ops/app.git", "https://GIT.example.com/ops/config/"),
                List.of(other, SHA))).as("another Git repository first").isEqualTo(SHA);
        assertThat(multiSourceRevision(List.of("https://charts.example.com", "git@ssh.example.com:v3/ops/config"),
                List.of("1.2.3", SHA))).as("no URL matches, one source at a commit").isEqualTo(SHA);
        assertThat(multiSourceRevision(List.of("https://git.example.com/ops/app.git", "https://git.example.com/ops/values.git"),
                List.of(other, SHA))).as("two other Git repositories: no revision is ours").isNull();
    }

    private static String multiSourceRevision(List<String> sources, List<String> revisions) throws MalformedReportException {
        return ArgoCdNotifications.read(AgentReports.argoMultiSourceNotification("web-prod", sources, revisions, NOW)
                .getBytes(StandardCharsets.UTF_8), "id", NOW, REPOSITORY).revision();
    }

    @Test
    void theGenericSchemaNamesItsCellAndIsSignedAsFluxSigns() {
        String body = AgentReports.genericReport("prod", "api", SHA, "healthy", NOW);
        HookReceiver.Answer answer = send(ReportSource.GENERIC, body, Map.of("X-Signature", AgentReports.signature(GENERIC_KEY, body)));
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json()).isEqualTo("{\"status\":\"recorded\",\"cells\":[\"api in prod\"]}");

        String unknownApp = AgentReports.genericReport("prod", "cache", SHA, "healthy", NOW);
        assertThat(send(ReportSource.GENERIC, unknownApp, Map.of("X-Signature", AgentReports.signature(GENERIC_KEY, unknownApp)))
                .json()).isEqualTo("{\"status\":\"ignored\",\"reason\":\"the config has no app cache in an environment prod\"}");
        String badState = AgentReports.genericReport("prod", "api", SHA, "fine", NOW);
        assertThat(send(ReportSource.GENERIC, badState, Map.of("X-Signature", AgentReports.signature(GENERIC_KEY, badState))).json())
                .isEqualTo("{\"error\":\"state is not progressing, deployed, healthy, degraded or failed in a generic report\"}");
        String badRevision = AgentReports.genericReport("prod", "api", "main", "healthy", NOW);
        assertThat(send(ReportSource.GENERIC, badRevision, Map.of("X-Signature", AgentReports.signature(GENERIC_KEY, badRevision)))
                .status()).isEqualTo(400);
        assertThat(store.reports()).hasSize(1);
    }

    @Test
    void aSourceWithoutKeysTakesNoHooks() throws IOException {
        HookReceiver fluxOnly = new HookReceiver(store, REPOSITORY, Map.of(ReportSource.FLUX, keys(FLUX_KEY)), () -> new DeploymentMapping(config()),
                Clock.fixed(NOW, ZoneOffset.UTC));
        HookReceiver.Answer answer = fluxOnly.receive(ReportSource.ARGOCD, "{}".getBytes(StandardCharsets.UTF_8), name -> null);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(fluxOnly.accepts(ReportSource.ARGOCD)).isFalse();
        assertThat(fluxOnly.accepts(ReportSource.FLUX)).isTrue();
    }

    @Test
    void aReportIsKeptWhenTheConfigCannotBeReadToMapIt() throws IOException {
        HookReceiver offline = new HookReceiver(store, REPOSITORY, Map.of(ReportSource.FLUX, keys(FLUX_KEY)), () -> {
            throw new IOException("fetching main from https://git.example.com/ops/config.git failed: connection refused");
        }, Clock.fixed(NOW, ZoneOffset.UTC));
        String body = succeeded(NOW);
        HookReceiver.Answer answer = offline.receive(ReportSource.FLUX, body.getBytes(StandardCharsets.UTF_8),
                name -> name.equalsIgnoreCase("X-Signature") ? AgentReports.signature(FLUX_KEY, body) : null);
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json()).contains("could not be read to map the report").contains("connection refused");
        assertThat(store.reports()).hasSize(1);
    }
}
