package dev.capstan.chart.gotemplate;

/**
 * A {@link java.util.Map} or {@link java.util.List} of a named Go type, such as Helm's
 * {@code chartutil.Values} ({@code .Values}) or {@code engine.files} ({@code .Files}): it ranges,
 * indexes and prints as the map or list it is, while {@code %T} (and Sprig's {@code typeOf})
 * print {@link #goTypeName()} and its methods are found before its keys, as in Go.
 */
public interface GoNamed {
  /** The Go type name, e.g. {@code chartutil.Values}. */
  String goTypeName();

  /** A method of the named type, or {@code null}: {@code .Values.AsMap}, {@code .Files.Get}. */
  default GoFunc method(String name) {
    return null;
  }
}
