package dev.capstan.cli.release;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --timeout} as Helm and kubectl write it: {@code 90s}, {@code 5m}, {@code 1h30m}. */
final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      Duration duration = Duration.parse("PT" + value.strip().toUpperCase(java.util.Locale.ROOT));
      if (duration.isNegative() || duration.isZero()) {
        throw new TypeConversionException("must be positive, got '" + value + "'");
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("expected a duration such as 90s, 5m or 1h30m, got '" + value + "'");
    }
  }
}
