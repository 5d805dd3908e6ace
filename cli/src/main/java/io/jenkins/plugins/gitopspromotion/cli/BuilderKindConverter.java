package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.build.BuilderKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code buildah|podman|docker|kaniko|jib}, in lower case as users write them. */
final class BuilderKindConverter implements ITypeConverter<BuilderKind> {

    @Override
    public BuilderKind convert(String value) {
        try {
            return BuilderKind.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
