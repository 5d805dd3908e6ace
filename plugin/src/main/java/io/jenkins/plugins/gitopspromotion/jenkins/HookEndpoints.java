package io.jenkins.plugins.gitopspromotion.jenkins;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import io.jenkins.plugins.gitopspromotion.deploy.DeploymentMapping;
import io.jenkins.plugins.gitopspromotion.deploy.GitHostHooks;
import io.jenkins.plugins.gitopspromotion.deploy.HookKeys;
import io.jenkins.plugins.gitopspromotion.deploy.HookReceiver;
import io.jenkins.plugins.gitopspromotion.deploy.ReportSource;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.pr.ProviderSettings;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.verb.POST;

/**
 * The hooks of one registered repository ({@code gitops-promotion-hooks/ID/…}): each POST is checked by the engine's
 * receivers ({@link HookReceiver}, {@link GitHostHooks}) against the repository's hook key, a Secret text credential
 * (and the one it replaces while both are in use), and answered as they say: 202 when recorded, 401, 400 or 413 when
 * not, with nothing changed.
 */
public class HookEndpoints {

    private final String id;

    HookEndpoints(String id) {
        this.id = id;
    }

    /** {@code POST flux}: a Flux notification-controller event ({@code generic-hmac} provider). */
    @POST
    public void doFlux(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        report(ReportSource.FLUX, req, rsp);
    }

    /** {@code POST argocd}: an Argo CD notification (the webhook service with the template in the docs). */
    @POST
    public void doArgocd(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        report(ReportSource.ARGOCD, req, rsp);
    }

    /** {@code POST generic}: a report in our own small schema, signed as Flux signs. */
    @POST
    public void doGeneric(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        report(ReportSource.GENERIC, req, rsp);
    }

    /** {@code POST git}: a pull-request event of the repository's Git host, which wakes the waits on it at once. */
    @POST
    public void doGit(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        byte[] body = body(req);
        send(rsp, answer(reach -> {
            Optional<ProviderSettings> provider = reach.access().pullRequests();
            if (provider.isEmpty()) {
                return HookReceiver.Answer.error(404, Messages.HookEndpoints_NoProvider(id));
            }
            GitHostHooks.Result result = GitHostHooks.receive(provider.get().kind(), keys(), body, req::getHeader);
            result.event().ifPresent(event -> Deployments.wake(reach.access().location()));
            return result.answer();
        }));
    }

    private void report(ReportSource source, StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        byte[] body = body(req);
        send(rsp, answer(reach -> {
            HookKeys keys = keys();
            Map<ReportSource, HookKeys> sources = new EnumMap<>(ReportSource.class);
            for (ReportSource hook : List.of(ReportSource.FLUX, ReportSource.ARGOCD, ReportSource.GENERIC)) {
                sources.put(hook, keys);
            }
            RepositoryLocation location = reach.access().location();
            return new HookReceiver(Deployments.store(location), location, sources,
                    () -> new DeploymentMapping(reach.view().config()), Clock.systemUTC()).receive(source, body, req::getHeader);
        }));
    }

    /** What a hook answers, given the repository as the view reaches it. */
    @FunctionalInterface
    private interface Hook {
        HookReceiver.Answer on(RepositoryPage.Reach reach) throws AbortException;
    }

    /** The hook's answer; 404 when the repository takes no hooks, 503 when it cannot be reached as registered. */
    private HookReceiver.Answer answer(Hook hook) {
        try {
            return hook.on(page().reach());
        } catch (NoKey e) {
            return HookReceiver.Answer.error(404, e.getMessage());
        } catch (AbortException e) {
            return HookReceiver.Answer.error(503, e.getMessage());
        }
    }

    private RepositoryPage page() throws AbortException {
        return GitOpsPromotionsRootAction.page(id).orElseThrow(() -> new AbortException(Messages.RepositoryPage_NotRegistered(id)));
    }

    /**
     * The repository's hook keys, read from its credentials for each request (a rotated key takes effect at once).
     *
     * @throws NoKey if no hook key is set, or a credential named is missing or not secret text
     */
    private HookKeys keys() throws AbortException {
        ConfigRepository registration = page().registration();
        List<char[]> secrets = new ArrayList<>();
        for (String credentialsId : registration.hookCredentialIds()) {
            StandardCredentials found = JenkinsCredentials.findAsJenkins(credentialsId);
            if (!(found instanceof StringCredentials text)) {
                throw new NoKey(Messages.HookEndpoints_KeyUnusable(id, credentialsId));
            }
            secrets.add(text.getSecret().getPlainText().toCharArray());
        }
        if (secrets.isEmpty()) {
            throw new NoKey(Messages.HookEndpoints_NoKey(id));
        }
        try {
            return HookKeys.of(secrets);
        } catch (IllegalArgumentException e) {
            throw new NoKey(Messages.HookEndpoints_KeyUnusable(id, e.getMessage()));
        } finally {
            secrets.forEach(secret -> Arrays.fill(secret, '\0'));
        }
    }

    /** The raw body: one byte more than a receiver takes is enough to tell it is too large. */
    private static byte[] body(StaplerRequest2 req) throws IOException {
        try (InputStream in = req.getInputStream()) {
            return in.readNBytes(HookReceiver.MAX_BODY + 1);
        }
    }

    private static void send(StaplerResponse2 rsp, HookReceiver.Answer answer) throws IOException {
        ViewEndpoints.sendJson(rsp, answer.status(), answer.json());
    }

    /** The repository takes no hooks: it has no usable key. */
    private static final class NoKey extends AbortException {
        private static final long serialVersionUID = 1L;

        NoKey(String message) {
            super(message);
        }
    }
}
