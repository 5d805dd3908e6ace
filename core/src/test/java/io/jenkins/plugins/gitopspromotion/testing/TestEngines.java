package io.jenkins.plugins.gitopspromotion.testing;

import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.pr.Providers;
import io.jenkins.plugins.gitopspromotion.pr.RetryPolicy;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.util.List;

/**
 * Engines for tests that are not about the credential boundary: they must not pass or fail with whatever
 * credentials the machine running them happens to hold, so they see a clean boundary. The boundary itself is
 * tested with planted credentials (CredentialBoundaryTest, CheckBoundaryIT, PromotionEngineTest).
 */
public final class TestEngines {

    private TestEngines() {
    }

    /** An engine on this cache that sees no cluster credentials. */
    public static PromotionEngine cleanBoundary(MirrorCache cache) {
        return new PromotionEngine(cache, YamlLimits.DEFAULT, 10, settings -> Providers.create(settings, RetryPolicy.DEFAULT),
                List::of);
    }
}
