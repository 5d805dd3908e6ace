package io.jenkins.plugins.gitopspromotion.jenkins;

import io.jenkins.plugins.gitopspromotion.view.ViewAssets;
import java.io.IOException;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * Serves the view's script and style from the engine's jar ({@code gitops-promotions/assets/view.js}), so Jenkins
 * and {@code gitops-promotion serve} load the very same files; as files of Jenkins' own origin they pass its
 * Content-Security-Policy.
 */
public final class ViewFiles {

    static final ViewFiles INSTANCE = new ViewFiles();

    private ViewFiles() {
    }

    /** {@code assets/NAME}: one of the view's files, or 404. */
    public void doDynamic(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        Jenkins.get().checkPermission(Jenkins.READ);
        String name = req.getRestOfPath().replaceFirst("^/", "");
        Optional<byte[]> file = ViewAssets.file(name);
        if (file.isEmpty()) {
            rsp.sendError(404);
            return;
        }
        rsp.setContentType(ViewAssets.STATIC.get(name));
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        rsp.getOutputStream().write(file.get());
    }
}
