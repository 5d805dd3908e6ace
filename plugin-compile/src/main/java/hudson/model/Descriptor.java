// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Descriptor.java at release tag jenkins-2.555.3: only the
// members the plugin uses. Checked against the source at that tag: "public abstract class Descriptor<T extends
// Describable<T>> implements Loadable, Saveable, OnMaster", "protected Descriptor()" (@since 1.278), "@NonNull public
// String getDisplayName()" (no longer abstract: it falls back to the simple class name; older the source at that tag
// such as commit 929adc516289d5396234ecd180be45e8d249c449 still declare it abstract), "@Override public synchronized
// void save()", "@Override public synchronized void load()". Loadable, Saveable and OnMaster are left out: the plugin
// calls load() and save() on its own GlobalConfiguration only. Compile-only declaration, never packaged; bodies as
// plugin-compile/README.md says.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;

public abstract class Descriptor<T extends Describable<T>> {

    protected Descriptor() {
    }

    @NonNull
    public String getDisplayName() {
        return null;
    }

    public synchronized void save() {
    }

    public synchronized void load() {
    }

    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        return false;
    }

    @SuppressWarnings("rawtypes") // upstream's signature
    protected void addHelpFileRedirect(String fieldName, Class<? extends Describable> owner, String fieldNameToRedirectTo) {
    }

    // Upstream also implements Stapler's HttpResponse (the error page); the plugin only throws it.
    public static final class FormException extends Exception {

        public FormException(String message, String formField) {
            super(message);
        }

        public FormException(String message, Throwable cause, String formField) {
            super(message, cause);
        }
    }
}
