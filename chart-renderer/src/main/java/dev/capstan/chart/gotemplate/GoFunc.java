package dev.capstan.chart.gotemplate;

import java.util.List;
import java.util.Objects;

/**
 * A named template function with its Go signature, as one entry of a Go {@code template.FuncMap}:
 * fixed parameters, then optionally a variadic tail of one type ({@code null}: not variadic). The
 * executor checks the argument count ({@code wrong number of args for NAME: want N got M}) and each
 * argument's type before calling {@link #body()}.
 */
public record GoFunc(String name, List<GoType> params, GoType variadic, GoFunction body) {
  public GoFunc {
    Objects.requireNonNull(name, "name");
    params = List.copyOf(params);
    Objects.requireNonNull(body, "body");
  }

  public static GoFunc of(String name, List<GoType> params, GoFunction body) {
    return new GoFunc(name, params, null, body);
  }

  public static GoFunc variadic(String name, List<GoType> params, GoType variadic, GoFunction body) {
    return new GoFunc(name, params, Objects.requireNonNull(variadic, "variadic"), body);
  }

  public boolean isVariadic() {
    return variadic != null;
  }
}
