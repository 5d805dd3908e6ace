// Mirrors jenkinsci/jenkins core/src/main/java/jenkins/model/GlobalConfiguration.java at release tag jenkins-2.555.3:
// only the protected constructor, the final getDescriptor() and configure(StaplerRequest2, JSONObject), which the
// plugin's configuration overrides; load() and save() are Descriptor's. getGlobalConfigPage(), the deprecated
// configure(StaplerRequest, JSONObject) and all() are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;

public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration>
        implements ExtensionPoint, Describable<GlobalConfiguration> {

    protected GlobalConfiguration() {
    }

    @Override
    public final Descriptor<GlobalConfiguration> getDescriptor() {
        return null;
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        return false;
    }
}
