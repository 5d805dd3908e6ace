// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Descriptor.java at release tag jenkins-2.555.3: only the
// members the plugin uses: the protected no-argument constructor, getDisplayName() (concrete and @NonNull), save(),
// load(), configure(StaplerRequest2, JSONObject) (@since 2.475), addHelpFileRedirect (raw Describable class as
// upstream), and the nested FormException with two of its constructors, which pass the message and cause on as
// upstream's do. Loadable, Saveable, OnMaster and FormException's Stapler HttpResponse are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
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
