// Mirrors jenkinsci/jenkins core/src/main/java/hudson/search/SearchableModelObject.java at release tag
// jenkins-2.555.3: the type and its supertypes only, a supertype of Api's; getSearch() is left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.search;

import hudson.model.ModelObject;

public interface SearchableModelObject extends ModelObject, SearchItem {
}
