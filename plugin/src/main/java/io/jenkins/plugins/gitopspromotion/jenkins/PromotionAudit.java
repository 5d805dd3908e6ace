package io.jenkins.plugins.gitopspromotion.jenkins;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audit log of changes people ask for from Jenkins' pages (the promotion view, a build's page): one line each in
 * Jenkins' log, under this class's logger, saying who, what, in which repository, and how it ended.
 */
final class PromotionAudit {

    private static final Logger LOG = Logger.getLogger(PromotionAudit.class.getName());

    private PromotionAudit() {
    }

    /**
     * Logs one change asked for. Control characters in the parts that come from requests or answers are replaced,
     * so that no one can forge a line.
     *
     * @param who the user, as {@link JenkinsViewUser#who()} names them
     * @param action what they asked, such as {@code promote}
     * @param what {@code APP in ENV}
     * @param repository the registered repository's id
     * @param outcome how it ended
     */
    static void log(String who, String action, String what, String repository, String outcome) {
        LOG.log(Level.INFO, "GitOps Promotion: {0} asked to {1} {2} of the config repository {3}: {4}",
                new Object[] {clean(who), action, clean(what), repository, clean(outcome)});
    }

    private static String clean(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
