// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/RootAction.java at release tag jenkins-2.555.3: the type;
// its defaults getBadge() (@since 2.507) and isPrimaryAction() (@since 2.516), which the plugin neither calls nor
// overrides, are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

import hudson.ExtensionPoint;

public interface RootAction extends Action, ExtensionPoint {
}
