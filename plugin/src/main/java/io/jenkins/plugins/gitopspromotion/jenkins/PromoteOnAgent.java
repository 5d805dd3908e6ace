package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionOrder;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs a promotion order on the agent holding the build's workspace, so that Git work and the credential boundary
 * check happen there and never on the controller. Returns the result as JSON, a type every agent may send back.
 */
final class PromoteOnAgent extends MasterToSlaveFileCallable<String> {

    private static final long serialVersionUID = 1L;

    private final PromotionOrder order;
    private final AgentSettings settings;

    PromoteOnAgent(PromotionOrder order, AgentSettings settings) {
        this.order = order;
        this.settings = settings;
    }

    @Override
    public String invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        return settings.run(order.access().credentials(), worker -> worker.promote(order).toJson());
    }
}
