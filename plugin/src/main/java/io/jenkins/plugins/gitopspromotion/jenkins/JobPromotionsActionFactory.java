package io.jenkins.plugins.gitopspromotion.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/** Adds {@link JobPromotionsAction} to jobs whose recent builds promoted something. */
@Extension
public class JobPromotionsActionFactory extends TransientActionFactory<Job> {

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
        return JobPromotionsAction.promoted(target) ? List.of(new JobPromotionsAction(target)) : List.of();
    }
}
