// Mirrors jenkinsci/jenkins core/src/main/java/jenkins/model/GlobalConfiguration.java (2.555 line): only the members the
// plugin uses. Checked against the stored copy at commit 63647d71d2443362a14783bc389159cb29c1d1c8: "public abstract class
// GlobalConfiguration extends Descriptor<GlobalConfiguration> implements ExtensionPoint,
// Describable<GlobalConfiguration>", "protected GlobalConfiguration()", "@Override public final
// Descriptor<GlobalConfiguration> getDescriptor()"; load() and save() are Descriptor's. (Upstream's constructor calls
// super(self()); here it is the no-argument one, as nothing runs.)
// Compile-only declaration: never packaged, no behaviour.
package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration>
        implements ExtensionPoint, Describable<GlobalConfiguration> {

    protected GlobalConfiguration() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    @Override
    public final Descriptor<GlobalConfiguration> getDescriptor() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
