// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/UnprotectedRootAction.java at release tag jenkins-2.555.3:
// the whole interface, a root action reachable without Overall/Read (the deployment hooks authenticate each request).
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

import hudson.ExtensionPoint;

public interface UnprotectedRootAction extends RootAction, ExtensionPoint {
}
