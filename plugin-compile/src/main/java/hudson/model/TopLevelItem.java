// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/TopLevelItem.java at release tag jenkins-2.555.3: the type
// only, the type argument of Jenkins' ItemGroup. Upstream: "public interface TopLevelItem extends Item, ExtensionPoint,
// Describable<TopLevelItem>" (with a covariant getDescriptor()); only Item is kept. Compile-only declaration, never
// packaged; bodies as plugin-compile/README.md says.
package hudson.model;

public interface TopLevelItem extends Item {
}
