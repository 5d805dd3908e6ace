package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.model.Run;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a build promoted (and what was promoted from its page): environment, app, version, commit and pull request,
 * kept in {@code build.xml}. Its own entry is the summary on the build's page; the build's {@link BuildPromotionAction}
 * lists them with the rest.
 */
public class PromotionsAction extends BuildRecord {

    private final List<PromotionRecord> promotions = new ArrayList<>();

    /** The build's action, added on first use. */
    static PromotionsAction of(Run<?, ?> run) {
        return BuildRecord.of(run, PromotionsAction.class, PromotionsAction::new);
    }

    synchronized void add(PromotionRecord promotion) throws IOException {
        promotions.add(promotion);
        save();
        JobPromotionsActionFactory.promotedIn(getRun().getParent());
    }

    /** The promotions, in the order the build did them. */
    public synchronized List<PromotionRecord> getPromotions() {
        return List.copyOf(promotions);
    }
}
