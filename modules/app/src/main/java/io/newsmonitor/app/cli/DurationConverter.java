package io.newsmonitor.app.cli;

import io.newsmonitor.config.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** Reads durations on the command line as in the configuration files ({@code 3s}, {@code 10m}, {@code PT1H}). */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return Durations.parse(value);
    }
}
