// Mirrors jenkinsci/jenkins core/src/main/java/hudson/ExtensionPoint.java at release tag jenkins-2.555.3: the marker
// interface; its nested annotation LegacyInstancesAreScopedToHudson is left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson;

public interface ExtensionPoint {
}
