package dev.capstan.chart.gotemplate.sprig;

import java.util.Base64;

/** Go's encoding/pem: Encode (64-column base64) and Decode (the first block, headers skipped). */
final class Pem {
  record Block(String type, byte[] bytes) {}

  private Pem() {}

  static String encode(String type, byte[] der) {
    StringBuilder b = new StringBuilder("-----BEGIN ").append(type).append("-----\n");
    String body = Base64.getEncoder().encodeToString(der);
    for (int i = 0; i < body.length(); i += 64) {
      b.append(body, i, Math.min(body.length(), i + 64)).append('\n');
    }
    return b.append("-----END ").append(type).append("-----\n").toString();
  }

  /** The first well-formed block, or null as pem.Decode returns nil. */
  static Block decode(String text) {
    int from = 0;
    while (true) {
      int begin = text.indexOf("-----BEGIN ", from);
      if (begin < 0 || begin > 0 && text.charAt(begin - 1) != '\n') {
        if (begin < 0) {
          return null;
        }
        from = begin + 1;
        continue;
      }
      int typeEnd = text.indexOf("-----", begin + 11);
      int lineEnd = text.indexOf('\n', begin);
      if (typeEnd < 0 || lineEnd < 0 || typeEnd > lineEnd) {
        from = begin + 1;
        continue;
      }
      String type = text.substring(begin + 11, typeEnd);
      String endMarker = "-----END " + type + "-----";
      int end = text.indexOf(endMarker, lineEnd);
      if (end < 0) {
        from = begin + 1;
        continue;
      }
      StringBuilder body = new StringBuilder();
      for (String line : text.substring(lineEnd + 1, end).split("\n")) {
        if (!line.contains(":")) {
          body.append(line.strip());
        }
      }
      try {
        return new Block(type, Base64.getDecoder().decode(body.toString()));
      } catch (IllegalArgumentException e) {
        from = begin + 1;
      }
    }
  }
}
