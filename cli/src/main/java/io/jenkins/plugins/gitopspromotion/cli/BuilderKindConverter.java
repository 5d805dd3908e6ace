package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.build.BuilderKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code buildah|podman|docker|kaniko|jib}, in lower case as users write them. */
final class BuilderKindConverter implements ITypeConverter<BuilderKind> {

    @Override
    public BuilderKind convert(String value) {
        try {
            return BuilderKind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not a builder; choose one of "
                    + Arrays.stream(BuilderKind.values()).map(BuilderKind::toString).collect(Collectors.joining(", ")));
        }
    }
}
