// Mirrors jenkinsci/jenkins core/src/main/java/jenkins/model/FullyNamedModelObject.java at release tag jenkins-2.555.3:
// the whole interface, getFullDisplayName(), a supertype of ItemGroup; upstream's @StaplerAccessibleType is left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package jenkins.model;

import hudson.model.ModelObject;

public interface FullyNamedModelObject extends ModelObject {

    String getFullDisplayName();
}
