// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/TopLevelItem.java at release tag jenkins-2.555.3: the type
// only, the type argument of Jenkins' ItemGroup. Of the supertypes only Item is kept; ExtensionPoint,
// Describable<TopLevelItem> and the methods are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

public interface TopLevelItem extends Item {
}
