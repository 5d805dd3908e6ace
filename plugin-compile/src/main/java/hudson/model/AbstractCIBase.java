// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/AbstractCIBase.java (2.555 line): the supertypes through
// which Jenkins is an ItemGroup (the plugin passes Jenkins.get() as the context of a credentials list box). Checked against
// the stored copy at commit 00c7c075a606a95f7458b6921d0b3ac83b8785c1: "public abstract class AbstractCIBase extends Node
// implements ItemGroup<TopLevelItem>, StaplerProxy, StaplerFallback, ViewGroup, AccessControlled,
// DescriptorByNameOwner"; Node and the Stapler/view interfaces are left out.
// Compile-only declaration: never packaged, no behaviour.
package hudson.model;

import hudson.security.AccessControlled;

public abstract class AbstractCIBase implements ItemGroup<TopLevelItem>, AccessControlled {
}
