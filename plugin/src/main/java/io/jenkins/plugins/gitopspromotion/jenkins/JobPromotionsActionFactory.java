package io.jenkins.plugins.gitopspromotion.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import jenkins.model.TransientActionFactory;

/**
 * Adds {@link JobPromotionsAction} to jobs whose recent builds built an image or promoted. Jenkins asks on every page that
 * lists a job's actions, and the answer means reading up to {@link JobPromotionsAction#SHOWN_IF_PROMOTED_WITHIN}
 * builds, perhaps from disk: so it is worked out once per newest build of a job, and a promotion marks its job at once.
 */
@Extension
public class JobPromotionsActionFactory extends TransientActionFactory<Job> {

    /** Per job: the number of the newest build when the job was last checked, and whether it had promoted. */
    private static final Map<Job<?, ?>, Checked> CHECKED = Collections.synchronizedMap(new WeakHashMap<>());

    private static final class Checked {
        final int newestBuild;
        final boolean promoted;

        Checked(int newestBuild, boolean promoted) {
            this.newestBuild = newestBuild;
            this.promoted = promoted;
        }
    }

    @Override
    @SuppressWarnings("rawtypes") // upstream's type parameter is the raw Job, as Jenkins' own factories use it
    public Class<Job> type() {
        return Job.class;
    }

    /** Only lookups of this action ask this factory: the check reads builds. */
    @Override
    public Class<? extends Action> actionType() {
        return JobPromotionsAction.class;
    }

    @NonNull
    @Override
    @SuppressWarnings("rawtypes")
    public Collection<? extends Action> createFor(@NonNull Job target) {
        int newest = newestBuild(target);
        Checked checked = CHECKED.get(target);
        if (checked == null || checked.newestBuild != newest) {
            checked = new Checked(newest, JobPromotionsAction.promoted(target));
            CHECKED.put(target, checked);
        }
        return checked.promoted ? List.of(new JobPromotionsAction(target)) : List.of();
    }

    /** A build of {@code job} promoted: the job shows the action from now on, without reading its builds again. */
    static void promotedIn(Job<?, ?> job) {
        CHECKED.put(job, new Checked(newestBuild(job), true));
    }

    private static int newestBuild(Job<?, ?> job) {
        Run<?, ?> newest = job.getLastBuild();
        return newest == null ? 0 : newest.getNumber();
    }
}
