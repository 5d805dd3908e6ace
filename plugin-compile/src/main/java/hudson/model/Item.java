// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Item.java at release tag jenkins-2.555.3: only the
// constants READ, CONFIGURE and EXTENDED_READ. Of the supertypes only AccessControlled is kept (the plugin calls
// hasPermission on items); PersistenceRoot, FullyNamedModelObject, SearchableModelObject, FullyNamed, Named, OnMaster
// and Item's methods are left out. The constants are non-null placeholders, new Permission(null, name, null, ...,
// PermissionScope.JENKINS) with EXTENDED_READ implied by CONFIGURE as upstream: upstream's group, descriptions,
// Permission.READ, Permission.CONFIGURE and PermissionScope.ITEM are not declared here.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.security.PermissionScope;

public interface Item extends AccessControlled {

    Permission READ = new Permission(null, "Read", null, null, PermissionScope.JENKINS);

    Permission CONFIGURE = new Permission(null, "Configure", null, null, PermissionScope.JENKINS);

    Permission EXTENDED_READ = new Permission(null, "ExtendedRead", null, CONFIGURE, PermissionScope.JENKINS);
}
