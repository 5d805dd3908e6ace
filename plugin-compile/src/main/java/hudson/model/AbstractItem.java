// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/AbstractItem.java at release tag jenkins-2.555.3: only the
// members the plugin uses. Upstream: "public abstract class AbstractItem extends Actionable implements Loadable, Item,
// HttpDeletable, AccessControlled, DescriptorByNameOwner, StaplerProxy", Job's superclass, with "@Override @Exported
// public final String getFullDisplayName()" (the job's page title). Of the interfaces only Item is kept.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

public abstract class AbstractItem extends Actionable implements Item {

    public final String getFullDisplayName() {
        return null;
    }
}
