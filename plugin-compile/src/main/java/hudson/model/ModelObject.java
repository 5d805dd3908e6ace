// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/ModelObject.java at release tag jenkins-2.555.3: the whole
// interface, getDisplayName(); upstream's @StaplerAccessibleType is left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

public interface ModelObject {

    String getDisplayName();
}
