package dev.capstan.chart.template;

import io.pebbletemplates.pebble.extension.Filter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Sprig's string filters, with Sprig's semantics (nil input reads as the empty string). */
final class TextFilters {
  private TextFilters() {}

  static void register(Map<String, Filter> filters) {
    filters.put("indent", FilterBody.of(List.of("n"), (in, call) -> indent(Text.str(in), spaces(call, Text.str(in)))));
    filters.put("nindent", FilterBody.of(List.of("n"), (in, call) -> "\n" + indent(Text.str(in), spaces(call, Text.str(in)))));
    filters.put("quote", FilterBody.of(List.of(), (in, call) -> in == null ? "" : Text.goQuote(Text.str(in))));
    filters.put("squote", FilterBody.of(List.of(), (in, call) -> in == null ? "" : "'" + Text.str(in) + "'"));
    filters.put("b64enc", FilterBody.of(List.of(), (in, call) ->
        Base64.getEncoder().encodeToString(Text.str(in).getBytes(StandardCharsets.UTF_8))));
    filters.put("b64dec", FilterBody.of(List.of(), TextFilters::b64dec));
    filters.put("sha256sum", FilterBody.of(List.of(), (in, call) -> sha256(Text.str(in))));
    filters.put("trunc", FilterBody.of(List.of("n"), (in, call) -> trunc(Text.str(in), call.integer("n"))));
    filters.put("trimPrefix", FilterBody.of(List.of("prefix"), (in, call) -> {
      String s = Text.str(in);
      String p = call.string("prefix");
      return s.startsWith(p) ? s.substring(p.length()) : s;
    }));
    filters.put("trimSuffix", FilterBody.of(List.of("suffix"), (in, call) -> {
      String s = Text.str(in);
      String p = call.string("suffix");
      return s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s;
    }));
    filters.put("kebabcase", FilterBody.of(List.of(), (in, call) -> CaseWords.join(Text.str(in), "-")));
    filters.put("snakecase", FilterBody.of(List.of(), (in, call) -> CaseWords.join(Text.str(in), "_")));
    filters.put("camelcase", FilterBody.of(List.of(), (in, call) -> CaseWords.camel(Text.str(in))));
    filters.put("required", FilterBody.of(List.of("message"), (in, call) -> {
      if (in == null || (in instanceof CharSequence cs && cs.length() == 0)) {
        throw call.error(call.args().get("message") == null ? "required value is missing" : call.string("message"));
      }
      return in;
    }));
  }

  /** The indent, checked with what it would cost: n spaces on every line of {@code text}, before any is made. */
  private static int spaces(FilterCall call, String text) {
    int n = call.integer("n");
    if (n < 0) {
      throw call.error("indent must not be negative, got " + n);
    }
    long lines = 1 + text.chars().filter(c -> c == '\n').count();
    call.scope().budget().checkSize(text.length() + n * lines, call.path(), call.line());
    return n;
  }

  static String indent(String s, int n) {
    String pad = " ".repeat(n);
    return pad + s.replace("\n", "\n" + pad);
  }

  private static String trunc(String s, int n) {
    if (n >= 0) {
      return s.length() > n ? s.substring(0, n) : s;
    }
    return s.length() + n > 0 ? s.substring(s.length() + n) : s;
  }

  private static Object b64dec(Object in, FilterCall call) {
    try {
      return new String(Base64.getDecoder().decode(Text.str(in).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw call.error("b64dec: " + e.getMessage());
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
