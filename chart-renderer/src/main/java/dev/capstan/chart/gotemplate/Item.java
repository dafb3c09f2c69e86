package dev.capstan.chart.gotemplate;

/** One token of a template: its type, position (char index), text and line, as Go's lexer emits. */
record Item(ItemType typ, int pos, String val, int line) {
  /** The token as Go's parser quotes it in "unexpected X in Y" messages. */
  @Override
  public String toString() {
    if (typ == ItemType.EOF) {
      return "EOF";
    }
    if (typ == ItemType.ERROR) {
      return val;
    }
    if (typ.isKeyword()) {
      return "<" + val + ">";
    }
    if (val.codePointCount(0, val.length()) > 10) {
      return GoFmt.sprintf("%.10q...", java.util.List.of(val));
    }
    return GoQuote.quote(val);
  }
}
