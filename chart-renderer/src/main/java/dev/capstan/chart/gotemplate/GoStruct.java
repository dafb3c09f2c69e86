package dev.capstan.chart.gotemplate;

/**
 * A Go struct (or named type with methods) seen by a template: {@code .Chart.Name},
 * {@code .Capabilities.APIVersions.Has "x"}, {@code .Files.Get "f"}. Fields and methods are looked
 * up by exported Go name only; there is no reflection on Java objects, so a template reaches
 * exactly what an implementation lists and nothing else.
 */
public interface GoStruct {
  /** The Go type name used in messages, e.g. {@code *chart.Metadata}. */
  String goTypeName();

  /** Whether {@code name} is a field or a method (Go errors differ for neither). */
  boolean has(String name);

  /** A field's value in this package's value model; only called when {@link #has} and not a method. */
  Object field(String name);

  /** A method as a function, or {@code null} when {@code name} is a field, not a method. */
  GoFunc method(String name);

  /**
   * What {@code fmt} prints for this value ({@code %v}): its {@code String()} method when it has one,
   * else Go's struct form {@code {a b}}.
   */
  String format();
}
