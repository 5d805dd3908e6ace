// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/AbstractItem.java at release tag jenkins-2.555.3: only
// getFullDisplayName(), final as upstream. Of the interfaces only Item is kept (AccessControlled comes through it);
// Loadable, HttpDeletable, DescriptorByNameOwner and StaplerProxy are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

public abstract class AbstractItem extends Actionable implements Item {

    @SuppressWarnings("rawtypes") // upstream's signature
    protected AbstractItem(ItemGroup parent, String name) {
    }

    public final String getFullDisplayName() {
        return null;
    }
}
