package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.Extension;
import hudson.security.csrf.CrumbExclusion;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Lets reports reach {@link GitOpsPromotionHooks} without Jenkins' crumb, which no GitOps agent or Git host can send:
 * the hooks authenticate every request themselves, and nothing else is excluded.
 */
@Extension
public class HooksCrumbExclusion extends CrumbExclusion {

    private static final String PREFIX = "/" + GitOpsPromotionHooks.URL_NAME + "/";

    @Override
    public boolean process(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getPathInfo();
        if (path != null && path.startsWith(PREFIX)) {
            chain.doFilter(request, response);
            return true;
        }
        return false;
    }
}
