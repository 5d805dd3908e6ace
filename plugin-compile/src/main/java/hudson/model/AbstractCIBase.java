// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/AbstractCIBase.java at release tag jenkins-2.555.3: the
// supertypes through which Jenkins is an ItemGroup (the plugin passes Jenkins.get() as the context of a credentials
// list box). Checked against the source at that tag: "public abstract class AbstractCIBase extends Node implements
// ItemGroup<TopLevelItem>, StaplerProxy, StaplerFallback, ViewGroup, AccessControlled, DescriptorByNameOwner"; Node and
// the Stapler/view interfaces are left out. Compile-only declaration, never packaged; bodies as
// plugin-compile/README.md says.
package hudson.model;

import hudson.security.AccessControlled;

public abstract class AbstractCIBase implements ItemGroup<TopLevelItem>, AccessControlled {
}
