// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/ItemGroup.java at release tag jenkins-2.555.3: the type
// only, the context type of the Credentials plugin's list box and lookup methods. Of the supertypes only
// FullyNamedModelObject is kept; FullyNamed, PersistenceRoot and the methods are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

import jenkins.model.FullyNamedModelObject;

public interface ItemGroup<T extends Item> extends FullyNamedModelObject {
}
