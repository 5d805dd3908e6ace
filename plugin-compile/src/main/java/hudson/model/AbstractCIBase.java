// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/AbstractCIBase.java at release tag jenkins-2.555.3: the
// type, with only the interfaces through which Jenkins is an ItemGroup<TopLevelItem> (the context of a credentials list
// box) and AccessControlled. The superclass Node and StaplerProxy, StaplerFallback, ViewGroup and DescriptorByNameOwner
// are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

import hudson.security.AccessControlled;

public abstract class AbstractCIBase implements ItemGroup<TopLevelItem>, AccessControlled {
}
