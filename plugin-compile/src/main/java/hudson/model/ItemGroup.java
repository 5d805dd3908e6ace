// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/ItemGroup.java at release tag jenkins-2.555.3: the type
// only, as the context parameter of the Credentials plugin's list box methods. Upstream: "public interface ItemGroup<T
// extends Item> extends PersistenceRoot, ModelObject"; the supertypes are left out. Compile-only declaration, never
// packaged; bodies as plugin-compile/README.md says.
package hudson.model;

import jenkins.model.FullyNamedModelObject;

public interface ItemGroup<T extends Item> extends FullyNamedModelObject {
}
