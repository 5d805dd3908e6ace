// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/AbstractModelObject.java at release tag jenkins-2.555.3:
// the abstract class and its interface only, Api's superclass; its members are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

import hudson.search.SearchableModelObject;

public abstract class AbstractModelObject implements SearchableModelObject {
}
