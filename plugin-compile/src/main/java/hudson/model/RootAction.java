// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/RootAction.java (2.555 line). Checked against the stored copy
// at commit 06d9b39f879dab35be17492a23e4817cbfc4633f: "public interface RootAction extends Action, ExtensionPoint" with
// the defaults getBadge() (@since 2.507, returns jenkins.management.Badge) and isPrimaryAction() (@since 2.516), which
// the plugin neither calls nor overrides and which are left out.
// Compile-only declaration: never packaged, no behaviour.
package hudson.model;

import hudson.ExtensionPoint;

public interface RootAction extends Action, ExtensionPoint {
}
