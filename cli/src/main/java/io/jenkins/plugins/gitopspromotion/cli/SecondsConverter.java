package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.config.DurationText;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A time limit in seconds, written as a number of seconds ({@code 60}) or a duration ({@code 30m}, {@code 1h30m}). */
final class SecondsConverter implements ITypeConverter<Integer> {

    @Override
    public Integer convert(String value) {
        if (value.matches("\\d{1,9}")) {
            return Integer.parseInt(value);
        }
        return DurationText.parse(value).filter(d -> d.toSeconds() <= Integer.MAX_VALUE).map(d -> (int) d.toSeconds())
                .orElseThrow(() -> new TypeConversionException("'" + value.replaceAll("\\p{Cntrl}", "?")
                        + "' is neither a number of seconds nor a duration such as 30m, 2h or 90s"));
    }
}
