// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/ItemGroup.java (2.555 line): the type only, as the context
// parameter of the Credentials plugin's list box methods. Upstream: "public interface ItemGroup<T extends Item> extends
// PersistenceRoot, ModelObject"; the supertypes are left out.
// Compile-only declaration: never packaged, no behaviour.
package hudson.model;

public interface ItemGroup<T extends Item> {
}
