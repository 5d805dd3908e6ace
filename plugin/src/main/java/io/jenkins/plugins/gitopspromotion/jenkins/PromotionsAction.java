package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.model.Run;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.RunAction2;

/**
 * What a build promoted (and what was promoted from its page): environment, app, version, commit and pull request,
 * kept in {@code build.xml}. Its own entry is the summary on the build's page; the build's {@link BuildPromotionAction}
 * lists them with the rest.
 */
public class PromotionsAction implements RunAction2 {

    private final List<PromotionRecord> promotions = new ArrayList<>();
    private transient Run<?, ?> run;

    /** The build's action, added on first use. */
    static PromotionsAction of(Run<?, ?> run) {
        synchronized (run) {
            PromotionsAction action = run.getAction(PromotionsAction.class);
            if (action == null) {
                action = new PromotionsAction();
                run.addAction(action);
            }
            return action;
        }
    }

    synchronized void add(PromotionRecord promotion) throws IOException {
        promotions.add(promotion);
        run.save();
        JobPromotionsActionFactory.promotedIn(run.getParent());
    }

    /** The promotions, in the order the build did them. */
    public synchronized List<PromotionRecord> getPromotions() {
        return List.copyOf(promotions);
    }

    /** The build. */
    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.PromotionsAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
