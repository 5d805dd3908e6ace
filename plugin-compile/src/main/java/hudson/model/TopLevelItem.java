// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/TopLevelItem.java (2.555 line): the type only, the type
// argument of Jenkins' ItemGroup. Upstream: "public interface TopLevelItem extends Item, ExtensionPoint,
// Describable<TopLevelItem>" (with a covariant getDescriptor()); only Item is kept.
// Compile-only declaration: never packaged, no behaviour.
package hudson.model;

public interface TopLevelItem extends Item {
}
