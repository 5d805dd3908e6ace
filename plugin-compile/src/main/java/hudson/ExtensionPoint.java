// Mirrors jenkinsci/jenkins core/src/main/java/hudson/ExtensionPoint.java (2.555 line): the marker interface only
// (its nested annotation LegacyInstancesAreScopedToHudson is not used by the plugin).
// Compile-only declaration: never packaged, no behaviour.
package hudson;

public interface ExtensionPoint {
}
