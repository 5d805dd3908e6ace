package io.jenkins.plugins.gitopspromotion.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WrittenReferenceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', emptyValue = "", nullValues = "-", value = {
        "ghcr.io/acme/web                         | ghcr.io/acme/web | -                 | -",
        "ghcr.io/acme/web:1.0                     | ghcr.io/acme/web | 1.0               | -",
        "my-image:{GENERATED_TAG}                 | my-image         | {GENERATED_TAG}   | -",
        "my-image@sha256:abcdef12345              | my-image         | -                 | sha256:abcdef12345",
        "localhost:5000/web:1@sha256:0123456789ab | localhost:5000/web | 1               | sha256:0123456789ab",
        "localhost:5000/web                       | localhost:5000/web | -               | -",
        "ghcr.io/acme/web:                        | ghcr.io/acme/web | ''                | -",
    })
    void splitsAsKustomizesImageTransformerDoes(String written, String name, String tag, String digest) {
        WrittenReference reference = WrittenReference.parse(written).orElseThrow();
        assertThat(reference.name().name()).isEqualTo(name);
        assertThat(reference.tag()).isEqualTo(Optional.ofNullable(tag).map(t -> t.replace("''", "")));
        assertThat(reference.digest()).isEqualTo(Optional.ofNullable(digest));
        assertThat(reference.toString()).isEqualTo(written);
    }

    @Test
    void aNameThatIsNoImageNameIsNoReference() {
        assertThat(WrittenReference.parse("$(IMAGE)")).isEmpty();
        assertThat(WrittenReference.parse("{{ .Values.image }}")).isEmpty();
        assertThat(WrittenReference.parse("")).isEmpty();
        assertThat(WrittenReference.parse("Web:1")).isEmpty();
    }

    @Test
    void saysWhenTheTagOrDigestIsNothingKustomizeWouldReplace() {
        assertThat(WrittenReference.parse("my-image:{GENERATED_TAG}").orElseThrow().problem()).isEmpty();
        assertThat(WrittenReference.parse("web@sha256:abc").orElseThrow().problem()).isEmpty();
        assertThat(WrittenReference.parse("ghcr.io/acme/web:${TAG}").orElseThrow().problem())
                .hasValueSatisfying(p -> assertThat(p).contains("its tag '${TAG}' is neither a tag nor a placeholder"));
        assertThat(WrittenReference.parse("web:1:2").orElseThrow().problem()).isPresent();
        assertThat(WrittenReference.parse("web@12345").orElseThrow().problem())
                .hasValueSatisfying(p -> assertThat(p).contains("is not of the form algorithm:hex"));
    }
}
