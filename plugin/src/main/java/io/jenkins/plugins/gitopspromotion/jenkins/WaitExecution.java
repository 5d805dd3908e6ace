package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitopspromotion.config.DurationText;
import io.jenkins.plugins.gitopspromotion.deploy.DeploymentWaiter;
import io.jenkins.plugins.gitopspromotion.deploy.state.DeploymentState;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.json.Json;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionException;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The asynchronous execution of {@code gitopsWait}: {@link #start()} returns at once, and each look runs on Jenkins'
 * timer ({@link DeploymentWaiter#poll()}), at growing intervals, and at once when a report about the repository arrives
 * ({@link Deployments#wake}); the step ends by completing its context. What it waits for and until when is kept with
 * the Pipeline (this object is serialized), so after a restart {@link #onResume()} goes on looking; the credentials are
 * looked up again for the build then, never stored.
 */
final class WaitExecution extends StepExecution implements Deployments.Wakeable {

    private static final long serialVersionUID = 1L;

    /**
     * What is waited for.
     *
     * @param repository a registered repository's id, or its URL
     * @param credentialsId credentials overriding the registered ones, or null
     * @param env the environment
     * @param app the app
     * @param version the version, or null for the one proposed or running
     */
    record Target(String repository, String credentialsId, String env, String app, String version) implements Serializable {
    }

    private final Target target;
    private final String until;
    private final String timeout;
    private long deadline;

    private transient DeploymentState goal;
    private transient RepositoryLocation location;
    private transient DeploymentWaiter waiter;
    private transient volatile ReentrantLock looking;
    private transient volatile ScheduledExecutorService timer;
    private transient ScheduledFuture<?> next;
    private transient Duration interval;
    private transient String lastSeen;
    private transient boolean again;
    private transient boolean done;

    WaitExecution(StepContext context, Target target, String until, String timeout) {
        super(context);
        this.target = target;
        this.until = until;
        this.timeout = timeout;
    }

    /** Checks the step's fields, sets the deadline and starts looking; the step goes on without a thread. */
    @Override
    public boolean start() throws Exception {
        Duration wait = DurationText.parse(timeout).orElseThrow(() -> new AbortException(Messages.WaitStep_Timeout(timeout)));
        deadline = System.currentTimeMillis() + wait.toMillis();
        begin();
        return false;
    }

    /** After a restart of Jenkins: goes on looking until the same deadline. */
    @Override
    public void onResume() {
        try {
            begin();
        } catch (IOException | InterruptedException | RuntimeException e) {
            getContext().onFailure(e);
        }
    }

    /** The build was aborted: stops looking. */
    @Override
    public void stop(Throwable cause) throws Exception {
        if (end()) {
            getContext().onFailure(cause);
        }
    }

    @Override
    public RepositoryLocation repository() {
        return location;
    }

    /** A report about the repository arrived: looks now. */
    @Override
    public void wake() {
        schedule(Duration.ZERO);
    }

    /** Reaches the repository with the build's credentials (looked up now) and looks at once. */
    private void begin() throws IOException, InterruptedException {
        goal = DeploymentState.parse(until).filter(List.of(DeploymentState.MERGED, DeploymentState.DEPLOYED,
                DeploymentState.HEALTHY)::contains).orElseThrow(() -> new AbortException(Messages.WaitStep_Until(until)));
        RepositoryAccess access = RepositoryTargets.resolve(target.repository(), target.credentialsId(), getContext().get(Run.class));
        location = access.location();
        PromotionEngine engine = ControllerWork.engine(access);
        waiter = new DeploymentWaiter(engine, location, access.credentials().gitAuth(), access.base(), target.env(), target.app(),
                Optional.ofNullable(target.version()), Deployments.store(location)::reports, access.pullRequests().map(engine::provider),
                Clock.systemUTC());
        looking = new ReentrantLock();
        timer = Timer.get();
        Deployments.register(this);
        schedule(Duration.ZERO);
    }

    private synchronized void schedule(Duration delay) {
        if (done || looking == null) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        next = timer.schedule(this::look, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One look; a wake while looking makes another right after, so that no report goes unseen. */
    private void look() {
        if (!looking.tryLock()) {
            synchronized (this) {
                again = true;
            }
            return;
        }
        try {
            lookOnce();
        } finally {
            looking.unlock();
        }
        boolean more;
        synchronized (this) {
            more = again;
            again = false;
        }
        if (more) {
            schedule(Duration.ZERO);
        }
    }

    private void lookOnce() {
        DeploymentWaiter.Observation seen;
        try {
            seen = waiter.poll();
        } catch (PromotionException | IllegalArgumentException e) {
            finish(null, new AbortException(e.getMessage())); // no such app or environment: no waiting makes one
            return;
        } catch (IOException | RuntimeException e) {
            log(Messages.WaitStep_Unreachable(location, e.getMessage())); // the Git host may be back at the next look
            later(null);
            return;
        }
        String line = Messages.WaitStep_Seen(target.app(), seen.version(), target.env(), seen.state().jsonName(), seen.message());
        if (!line.equals(lastSeen)) {
            log(line);
            lastSeen = line;
        }
        Optional<DeploymentWaiter.Outcome> outcome = seen.judge(goal);
        if (outcome.isPresent() && outcome.get() == DeploymentWaiter.Outcome.REACHED) {
            finish(result(seen, "reached"), null);
        } else if (outcome.isPresent()) {
            finish(null, new AbortException(Messages.WaitStep_Failed(target.app(), seen.version(), target.env(), goal.jsonName(),
                    seen.state().jsonName(), seen.message())));
        } else {
            later(seen);
        }
    }

    /** Looks again after the next interval, or ends the wait when the deadline passed. */
    private void later(DeploymentWaiter.Observation seen) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
            finish(null, new AbortException(Messages.WaitStep_TimedOut(target.app(), seen == null ? "-" : seen.version(), target.env(),
                    goal.jsonName(), timeout, seen == null ? "-" : seen.state().jsonName(), seen == null ? lastSeen : seen.message())));
            return;
        }
        interval = DeploymentWaiter.nextInterval(interval);
        schedule(Duration.ofMillis(Math.min(interval.toMillis(), left)));
    }

    /** The step's result: how it ended, and what was seen last. */
    private static Map<String, Object> result(DeploymentWaiter.Observation seen, String outcome) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("outcome", outcome);
        Json.mapper().convertValue(seen, Map.class).forEach((k, v) -> result.put(String.valueOf(k), v == null ? null : v.toString()));
        return result;
    }

    private void finish(Map<String, Object> result, Throwable error) {
        if (!end()) {
            return;
        }
        if (error != null) {
            getContext().onFailure(error);
        } else {
            getContext().onSuccess(result);
        }
    }

    /** Stops looking; true the first time only. */
    private synchronized boolean end() {
        if (done) {
            return false;
        }
        done = true;
        if (next != null) {
            next.cancel(false);
        }
        Deployments.unregister(this);
        return true;
    }

    private void log(String line) {
        try {
            TaskListener listener = getContext().get(TaskListener.class);
            if (listener != null) {
                listener.getLogger().println(line);
            }
        } catch (IOException e) {
            // The build's log is gone (the build ended meanwhile): nothing to tell.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
