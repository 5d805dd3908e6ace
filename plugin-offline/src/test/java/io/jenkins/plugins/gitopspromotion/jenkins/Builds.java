package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import hudson.model.Job;
import hudson.model.Run;

/** Builds and jobs as Jenkins hands them to the plugin, made with Mockito (Jenkins' own are not on this classpath). */
final class Builds {

    private Builds() {
    }

    /** A build of its own job, with this number and no build before it. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Run<?, ?> build(Job<?, ?> job, int number) {
        String name = job.getFullDisplayName() + " #" + number;
        Run run = mock(Run.class);
        when(run.getParent()).thenReturn(job);
        when(run.getNumber()).thenReturn(number);
        when(run.getFullDisplayName()).thenReturn(name);
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
