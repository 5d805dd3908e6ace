package io.jenkins.plugins.gitopspromotion.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Run;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/**
 * Adds {@link BuildPromotionAction} to builds that built an image or promoted one: both leave an action on the build,
 * so the check reads nothing from disk.
 */
@Extension
public class BuildPromotionActionFactory extends TransientActionFactory<Run> {

    @Override
    @SuppressWarnings("rawtypes") // upstream's type parameter is the raw Run, as Jenkins' own factories use it
    public Class<Run> type() {
        return Run.class;
    }

    /** Only lookups of this action ask this factory. */
    @Override
    public Class<? extends Action> actionType() {
        return BuildPromotionAction.class;
    }

    @NonNull
    @Override
    @SuppressWarnings("rawtypes")
    public Collection<? extends Action> createFor(@NonNull Run target) {
        return target.getAction(BuiltImageAction.class) != null || target.getAction(PromotionsAction.class) != null
                ? List.of(new BuildPromotionAction(target)) : List.of();
    }
}
