package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * A step's context as an asynchronous execution sees it: the build and its log, and the step's end (its result or its
 * error). Serializable as a Pipeline's is, so that an execution can be written and read back as over a restart; what
 * it collects stays in this JVM, found again by the context's id.
 */
final class RecordingContext extends StepContext {

    private static final long serialVersionUID = 1L;
    private static final Map<String, CompletableFuture<Object>> ENDS = new ConcurrentHashMap<>();
    private static final Map<String, ByteArrayOutputStream> LOGS = new ConcurrentHashMap<>();
    private static final Map<String, Run<?, ?>> RUNS = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    RecordingContext(Run<?, ?> run) {
        ENDS.put(id, new CompletableFuture<>());
        LOGS.put(id, new ByteArrayOutputStream());
        RUNS.put(id, run);
    }

    /** How the step ended (or ends): its result, or its error. */
    CompletableFuture<Object> end() {
        return ENDS.get(id);
    }

    /** Forgets how it ended, as a new Jenkins process would not know it: the next end is awaited afresh. */
    void restart() {
        ENDS.put(id, new CompletableFuture<>());
    }

    /** The build's log so far. */
    String log() {
        return LOGS.get(id).toString(StandardCharsets.UTF_8);
    }

    @Override
    public <T> T get(Class<T> key) {
        if (key == Run.class) {
            return key.cast(RUNS.get(id));
        }
        if (key == TaskListener.class) {
            PrintStream stream = new PrintStream(LOGS.get(id), true, StandardCharsets.UTF_8);
            return key.cast((TaskListener) () -> stream);
        }
        return null;
    }

    @Override
    public void onSuccess(Object result) {
        ENDS.get(id).complete(result);
    }

    @Override
    public void onFailure(Throwable t) {
        ENDS.get(id).completeExceptionally(t);
    }
}
