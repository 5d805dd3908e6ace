package io.jenkins.plugins.gitopspromotion.jenkins;

import static io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture.DIGEST_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.ExtensionList;
import hudson.model.Run;
import hudson.security.Permission;
import hudson.util.Secret;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionResult;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import io.jenkins.plugins.gitopspromotion.promotion.VersionSource;
import io.jenkins.plugins.gitopspromotion.testing.AgentReports;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.LocalFixture;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jenkins.model.Jenkins;
import jenkins.util.Timer;
import org.jenkinsci.plugins.gitclient.verifier.KnownHostsFileVerificationStrategy;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.mockito.MockedStatic;
import org.mockito.Mockito;

/**
 * The deployment hooks and {@code gitopsWait} on a controller, against a real config repository: a Flux event signed
 * as notification-controller signs it, posted to the repository's hook, is recorded and wakes the waiting step, which
 * ends with what the agent said; what cannot be authenticated changes nothing; a wait times out saying what it saw, and
 * goes on after it is written and read back as over a restart.
 */
class DeploymentHooksTest {

    private static final String KEY = AgentReports.FLUX_KEY;
    /** Generous: each look is a fetch from a local repository, on a machine that may be busy. */
    private static final long ENDS_WITHIN_SECONDS = 60;

    @TempDir
    Path dir;
    private LocalFixture fixture;
    private MockedStatic<Jenkins> jenkins;
    private MockedStatic<ExtensionList> extensions;
    private MockedStatic<JenkinsCredentials> credentials;
    private MockedStatic<Timer> timer;
    private HostKeyVerificationSetting hostKeys;
    private final ScheduledExecutorService timerThreads = Executors.newSingleThreadScheduledExecutor();
    private final GitOpsPromotionConfiguration configuration = new GitOpsPromotionConfiguration();
    private final Run<?, ?> build = Builds.build();
    private ConfigRepository registered;

    @BeforeEach
    void aControllerWithARegisteredRepositoryWhoseDevIsDeployedByFlux() throws Exception {
        fixture = LocalFixture.create(dir.resolve("repo"));
        BareRepos.commitFile(fixture.remote(), "main", ".gitops/promotion.yaml", ConfigRepositoryFixture.withDeployments(
                ConfigRepositoryFixture.CONFIG, "dev", "flux: {kustomization: apps, namespace: flux-system}"), "Flux deploys dev");
        registered = new ConfigRepository("config", fixture.location().toString());
        registered.setHookCredentialsId("hook-key");
        configuration.setRepositories(List.of(registered));

        Jenkins instance = mock(Jenkins.class);
        when(instance.getRootDir()).thenReturn(Files.createDirectories(dir.resolve("jenkins-home")).toFile());
        when(instance.hasPermission(any(Permission.class))).thenReturn(true);
        jenkins = mockStatic(Jenkins.class);
        jenkins.when(Jenkins::get).thenReturn(instance);
        extensions = mockStatic(ExtensionList.class);
        extensions.when(() -> ExtensionList.lookupSingleton(GitOpsPromotionConfiguration.class)).thenReturn(configuration);
        extensions.when(() -> ExtensionList.lookupSingleton(GitOpsPromotionsRootAction.class)).thenReturn(new GitOpsPromotionsRootAction());
        StringCredentials key = mock(StringCredentials.class);
        Secret secret = mock(Secret.class);
        when(secret.getPlainText()).thenReturn(KEY);
        when(key.getSecret()).thenReturn(secret);
        credentials = mockStatic(JenkinsCredentials.class, Mockito.CALLS_REAL_METHODS);
        credentials.when(() -> JenkinsCredentials.findAsJenkins(anyString())).thenReturn(null);
        credentials.when(() -> JenkinsCredentials.findAsJenkins("hook-key")).thenReturn((StandardCredentials) key);
        timer = mockStatic(Timer.class);
        timer.when(Timer::get).thenReturn(timerThreads);
        hostKeys = HostKeyVerificationSetting.of(new KnownHostsFileVerificationStrategy());
    }

    @AfterEach
    void close() {
        timerThreads.shutdownNow();
        hostKeys.close();
        timer.close();
        credentials.close();
        extensions.close();
        jenkins.close();
        fixture.close();
    }

    /** Promotes web 1.1.0 into dev (a commit on main) and answers the commit. */
    private String promoteWebToDev() throws Exception {
        PromotionResult result = fixture.engine().promote(RepositoryAccess.of(fixture.location().toString()).request("dev").app("web")
                .version(new VersionSource.Given(Optional.of("1.1.0"), Optional.of(io.jenkins.plugins.gitopspromotion.image.Digest.parse(
                        DIGEST_B)))).build());
        assertThat(result.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        return result.commit();
    }

    /** Posts a body to a hook of the repository, with headers; answers the status and the body sent back. */
    private Answer post(String hook, String body, Map<String, String> headers) throws Exception {
        StaplerRequest2 request = mock(StaplerRequest2.class);
        ByteArrayInputStream in = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
        when(request.getInputStream()).thenReturn(new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        });
        when(request.getHeader(anyString())).thenAnswer(call -> headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(call.getArgument(0))).map(Map.Entry::getValue).findFirst().orElse(null));
        StaplerResponse2 response = mock(StaplerResponse2.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        when(response.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public void write(int b) {
                out.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        });
        HookEndpoints hooks = new GitOpsPromotionHooks().getDynamic("config");
        switch (hook) {
            case "flux" -> hooks.doFlux(request, response);
            case "git" -> hooks.doGit(request, response);
            default -> throw new IllegalArgumentException(hook);
        }
        org.mockito.ArgumentCaptor<Integer> status = org.mockito.ArgumentCaptor.forClass(Integer.class);
        verify(response).setStatus(status.capture());
        return new Answer(status.getValue(), out.toString(StandardCharsets.UTF_8));
    }

    private record Answer(int status, String body) {
    }

    /** A Flux event about the Kustomization that deploys dev, at {@code commit}, signed with {@code key}. */
    private Answer flux(String reason, String severity, String commit, String key) throws Exception {
        String body = AgentReports.fluxEvent("flux-system", "apps", severity, reason, "from the test", Instant.now(),
                Map.of("revision", "main@sha1:" + commit, "env", "dev", "cluster", "dev-eu"));
        return post("flux", body, Map.of("X-Signature", AgentReports.signature(key, body), "Content-Type", "application/json"));
    }

    private WaitExecution startWait(RecordingContext context, String until, String timeout) throws Exception {
        WaitStep step = new WaitStep("config", "dev", "web");
        step.setUntil(until);
        step.setTimeout(timeout);
        WaitExecution execution = (WaitExecution) step.start(context);
        assertThat(execution.start()).as("asynchronous: the step goes on without a thread").isFalse();
        return execution;
    }

    private static Object ended(RecordingContext context) throws Exception {
        return context.end().get(ENDS_WITHIN_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void aSignedFluxEventIsRecordedAndEndsTheWaitWithWhatTheAgentSaid() throws Exception {
        String commit = promoteWebToDev();
        RecordingContext context = new RecordingContext(build);
        startWait(context, "healthy", "10m");

        Answer answer = flux("ReconciliationSucceeded", "info", commit, KEY);

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body()).contains("\"status\":\"recorded\"").contains("web in dev");
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) ended(context);
        assertThat(result).containsEntry("outcome", "reached").containsEntry("state", "healthy").containsEntry("revision", commit)
                .containsEntry("source", "flux").containsEntry("version", "1.1.0");
        assertThat(context.log()).contains("GitOps Promotion: web 1.1.0 in dev: healthy");
        assertThat(Files.list(dir.resolve("jenkins-home/gitops-promotion/deployments")).toList()).as("kept under JENKINS_HOME")
                .hasSize(1);

        // gitopsPromotionStatus, on the controller, reads the same reports.
        Map<String, Object> status = PromotionRunner.status(null, new hudson.EnvVars(), RepositoryTargets.resolve("config", null, build));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cells = (List<Map<String, Object>>) status.get("cells");
        assertThat(cells).filteredOn(cell -> "dev".equals(cell.get("env")) && "web".equals(cell.get("app"))).singleElement()
                .extracting(cell -> ((Map<?, ?>) cell.get("deployment")).get("state")).isEqualTo("healthy");
        assertThat(status).containsKey("metrics");
    }

    @Test
    void aDegradedDeploymentFailsTheWaitSayingWhy() throws Exception {
        String commit = promoteWebToDev();
        RecordingContext context = new RecordingContext(build);
        startWait(context, "healthy", "10m");

        assertThat(flux("HealthCheckFailed", "error", commit, KEY).status()).isEqualTo(202);

        assertThatThrownBy(() -> ended(context)).isInstanceOf(ExecutionException.class).cause().isInstanceOf(AbortException.class)
                .hasMessageStartingWith("GitOps Promotion: web 1.1.0 in dev will not be healthy: degraded:");
    }

    @Test
    void whatCannotBeAuthenticatedChangesNothing() throws Exception {
        String commit = promoteWebToDev();
        Answer forged = flux("ReconciliationSucceeded", "info", commit, "not-the-key");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(Deployments.store(fixture.location()).reports()).isEmpty();

        assertThat(post("git", "{}", Map.of()).body()).as("a file repository has no Git host to send events")
                .contains("has no pull-request provider");

        registered.setHookCredentialsId(null);
        Answer noKey = flux("ReconciliationSucceeded", "info", commit, KEY);
        assertThat(noKey.status()).isEqualTo(404);
        assertThat(noKey.body()).contains("no deployment hooks key is set");
        assertThat(Deployments.store(fixture.location()).reports()).isEmpty();
        assertThat(new GitOpsPromotionHooks().getDynamic("unknown")).isNull();
    }

    @Test
    void theHooksAloneGoWithoutJenkinsCrumb() throws Exception {
        HooksCrumbExclusion exclusion = new HooksCrumbExclusion();
        FilterChain chain = mock(FilterChain.class);
        HttpServletResponse response = mock(HttpServletResponse.class);
        HttpServletRequest hook = mock(HttpServletRequest.class);
        when(hook.getPathInfo()).thenReturn("/gitops-promotion-hooks/config/flux");
        HttpServletRequest view = mock(HttpServletRequest.class);
        when(view.getPathInfo()).thenReturn("/gitops-promotions/repository/config/api/promote");

        assertThat(exclusion.process(hook, response, chain)).isTrue();
        verify(chain).doFilter(hook, response);
        assertThat(exclusion.process(view, response, chain)).isFalse();
        verify(chain, never()).doFilter(view, response);
    }

    @Test
    void aWaitRunsOutSayingWhatItSawLast() throws Exception {
        promoteWebToDev();
        RecordingContext context = new RecordingContext(build);
        startWait(context, "deployed", "1s");

        assertThatThrownBy(() -> ended(context)).cause().isInstanceOf(AbortException.class)
                .hasMessage("GitOps Promotion: web 1.1.0 in dev was not deployed within 1s; last seen: merged: " + lastMessage(context));
    }

    /** The message of the last state the wait logged. */
    private static String lastMessage(RecordingContext context) {
        List<String> lines = context.log().lines().filter(l -> l.startsWith("GitOps Promotion: web")).toList();
        String last = lines.get(lines.size() - 1);
        return last.substring(last.indexOf(": merged: ") + ": merged: ".length());
    }

    @Test
    void aWaitGoesOnAfterARestart() throws Exception {
        String commit = promoteWebToDev();
        RecordingContext context = new RecordingContext(build);
        WaitExecution before = startWait(context, "healthy", "10m");
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(saved)) {
            out.writeObject(before);
        }
        before.stop(new InterruptedException("Jenkins is going down"));
        context.restart();

        WaitExecution after;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(saved.toByteArray()))) {
            after = (WaitExecution) in.readObject();
        }
        after.onResume();
        assertThat(flux("ReconciliationSucceeded", "info", commit, KEY).status()).isEqualTo(202);

        assertThat(ended((RecordingContext) after.getContext())).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("state", "healthy");
        assertThat(saved.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT)).as("no credentials kept with the Pipeline")
                .doesNotContain(KEY.toLowerCase(Locale.ROOT));
    }

    @Test
    void wrongFieldsAreRefusedAtTheStart() {
        RecordingContext context = new RecordingContext(build);
        assertThatThrownBy(() -> startWait(context, "soon", "10m")).isInstanceOf(AbortException.class)
                .hasMessage("until: 'soon' is not merged, deployed or healthy.");
        assertThatThrownBy(() -> startWait(context, "healthy", "later")).isInstanceOf(AbortException.class)
                .hasMessage("timeout: 'later' is no duration such as 30m, 1h30m or 90s.");
    }
}
