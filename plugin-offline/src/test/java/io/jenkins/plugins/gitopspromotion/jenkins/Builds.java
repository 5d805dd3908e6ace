package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jenkins.model.RunAction2;

/** Builds and jobs as Jenkins hands them to the plugin, made with Mockito (Jenkins' own are not on this classpath). */
final class Builds {

    private Builds() {
    }

    /**
     * A build of its own job, with this number and no build before it. It keeps the actions added to it, and attaches
     * a {@link RunAction2} as Jenkins' {@code Run.addAction} does.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Run<?, ?> build(Job<?, ?> job, int number) {
        String name = job.getFullDisplayName() + " #" + number;
        Run run = mock(Run.class);
        List<Action> actions = new CopyOnWriteArrayList<>();
        when(run.getParent()).thenReturn(job);
        when(run.getNumber()).thenReturn(number);
        when(run.getFullDisplayName()).thenReturn(name);
        doAnswer(call -> {
            Action action = call.getArgument(0);
            actions.add(action);
            if (action instanceof RunAction2 attached) {
                attached.onAttached(run);
            }
            return null;
        }).when(run).addAction(any(Action.class));
        when(run.getAction(any(Class.class))).thenAnswer(call -> actions.stream()
                .filter(a -> call.<Class<?>>getArgument(0).isInstance(a)).findFirst().orElse(null));
        when(run.getActions(any(Class.class))).thenAnswer(call -> actions.stream()
                .filter(a -> call.<Class<?>>getArgument(0).isInstance(a)).toList());
        return run;
    }

    /** A job with a name. */
    static Job<?, ?> job(String name) {
        Job<?, ?> job = mock(Job.class);
        when(job.getFullDisplayName()).thenReturn(name);
        return job;
    }

    /** Build number 1 of a job of its own. */
    static Run<?, ?> build() {
        return build(job("acme » web"), 1);
    }
}
