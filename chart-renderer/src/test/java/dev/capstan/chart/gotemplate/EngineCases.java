package dev.capstan.chart.gotemplate;

import java.util.ArrayList;
import java.util.List;

/** Reads the engine case files (format: tools/gotemplate-oracle/enginecases/main.go). */
final class EngineCases {
  private EngineCases() {}

  record Template(String name, String text) {}

  record Case(String name, String missingKey, String exec, String data, List<Template> templates) {}

  /** Parses the text of a case file. */
  static List<Case> read(String text) {
    List<Case> cases = new ArrayList<>();
    String name = null;
    String missingKey = "";
    String exec = "";
    String data = "";
    List<Template> templates = new ArrayList<>();
    String tname = null;
    List<String> body = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    int n = lines.length;
    if (n > 0 && lines[n - 1].isEmpty()) {
      n--;
    }
    for (int i = 0; i <= n; i++) {
      String line = i < n ? lines[i] : null;
      boolean header = line != null && line.startsWith("### ");
      boolean marker = line != null && name != null && line.startsWith("--- ");
      if (line == null || header || marker) {
        if (tname != null) {
          boolean crlf = tname.endsWith(" crlf");
          templates.add(new Template(crlf ? tname.substring(0, tname.length() - 5) : tname,
              String.join(crlf ? "\r\n" : "\n", body)));
          tname = null;
          body = new ArrayList<>();
        }
      }
      if (line == null || header) {
        if (name != null) {
          cases.add(new Case(name, missingKey, exec, data, templates));
        }
        if (line == null) {
          break;
        }
        String[] fields = line.substring(4).trim().split("\\s+");
        name = fields[0];
        missingKey = "";
        exec = "";
        data = "";
        templates = new ArrayList<>();
        for (int f = 1; f < fields.length; f++) {
          String[] kv = fields[f].split("=", 2);
          if (kv[0].equals("missingkey")) {
            missingKey = kv[1];
          } else {
            exec = kv[1];
          }
        }
      } else if (marker) {
        tname = line.substring(4);
      } else if (tname != null) {
        body.add(line);
      } else if (name != null && templates.isEmpty() && line.startsWith("data: ")) {
        data = line.substring(6);
      }
    }
    return cases;
  }
}
