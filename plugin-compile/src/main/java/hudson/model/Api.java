// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Api.java at release tag jenkins-2.555.3: the class and
// "public Api(Object bean)", which serves an @ExportedBean as api/json, api/xml and api/python; getDisplayName() is
// declared because this concrete class must implement ModelObject's. The web methods (doJson, doXml, doPython,
// doSchema) and the bean field are left out: Stapler calls them, the plugin does not.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

public class Api extends AbstractModelObject {

    public Api(Object bean) {
    }

    @Override
    public String getDisplayName() {
        return null;
    }
}
