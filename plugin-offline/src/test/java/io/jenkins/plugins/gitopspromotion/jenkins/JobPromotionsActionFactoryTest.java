package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import hudson.model.Job;
import hudson.model.Run;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The job's action is worked out once per newest build, not on every page that lists the job's actions. */
class JobPromotionsActionFactoryTest {

    private final JobPromotionsActionFactory factory = new JobPromotionsActionFactory();

    /** A job with {@code count} builds, newest first, none of which promoted. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static List<Run> builds(Job job, int count) {
        List<Run> builds = new ArrayList<>();
        for (int number = count; number >= 1; number--) {
            builds.add(Builds.build(job, number));
        }
        for (int i = 0; i + 1 < builds.size(); i++) {
            when(builds.get(i).getPreviousBuild()).thenReturn(builds.get(i + 1));
        }
        when(job.getLastBuild()).thenReturn(builds.get(0));
        return builds;
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void buildsAreReadOncePerNewestBuild() throws Exception {
        Job job = Builds.job("acme » web");
        List<Run> builds = builds(job, 12);

        assertThat(factory.createFor(job)).isEmpty();
        verify(builds.get(8), times(1)).getPreviousBuild(); // the tenth build is the last one read
        verify(builds.get(10), never()).getAction(PromotionsAction.class);
        clearInvocations(builds.toArray());

        assertThat(factory.createFor(job)).isEmpty();
        assertThat(factory.createFor(job)).isEmpty();
        for (Run build : builds) {
            verify(build, never()).getAction(PromotionsAction.class);
            verify(build, never()).getPreviousBuild();
        }

        // The running newest build promotes: the job shows the action at once, no build is read for it.
        PromotionsAction promotions = new PromotionsAction();
        promotions.onAttached(builds.get(0));
        promotions.add(PromotionRecord.of("https://git.example.com/acme/config.git", SampleObjects.result("promoted", "dev", "")));
        assertThat(factory.createFor(job)).singleElement().isInstanceOf(JobPromotionsAction.class);
        verify(builds.get(1), never()).getAction(PromotionsAction.class);

        // A new build: checked again once.
        Run newer = Builds.build(job, 13);
        when(newer.getPreviousBuild()).thenReturn(builds.get(0));
        when(builds.get(0).getAction(PromotionsAction.class)).thenReturn(promotions);
        when(job.getLastBuild()).thenReturn(newer);
        assertThat(factory.createFor(job)).hasSize(1);
        verify(newer, times(1)).getAction(PromotionsAction.class);
    }
}
