package dev.capstan.chart.gotemplate;

import java.util.List;

/**
 * Go's template lexer: splits a template into text, delimiters and the tokens inside actions,
 * honouring trim markers ({@code {{- } and { -}}}) and comments. Tokens are produced on demand;
 * after an error token only EOF follows, as in Go.
 */
final class Lexer {
  private static final int EOF = -1;
  private static final String LEFT = "{{";
  private static final String RIGHT = "}}";

  private String input;
  private final boolean breakOk;
  private final boolean continueOk;
  private int pos;
  private int start;
  private boolean atEof;
  private int parenDepth;
  private int line = 1;
  private int startLine = 1;
  private boolean insideAction;
  private Item item;

  Lexer(String input, boolean breakOk, boolean continueOk) {
    this.input = input;
    this.breakOk = breakOk;
    this.continueOk = continueOk;
  }

  Item nextItem() {
    item = new Item(ItemType.EOF, pos, "EOF", startLine);
    boolean more = insideAction ? lexInsideAction() : lexText();
    while (more) {
      more = insideAction ? lexInsideAction() : lexText();
    }
    return item;
  }

  // ---- scanning helpers ----

  private int next() {
    if (pos >= input.length()) {
      atEof = true;
      return EOF;
    }
    int r = input.codePointAt(pos);
    pos += Character.charCount(r);
    if (r == '\n') {
      line++;
    }
    return r;
  }

  private int peek() {
    int r = next();
    backup();
    return r;
  }

  private void backup() {
    if (!atEof && pos > 0) {
      int r = input.codePointBefore(pos);
      pos -= Character.charCount(r);
      if (r == '\n') {
        line--;
      }
    }
  }

  private Item thisItem(ItemType t) {
    Item i = new Item(t, start, input.substring(start, pos), startLine);
    start = pos;
    startLine = line;
    return i;
  }

  /** Emits a token; returns false so the state loop stops. */
  private boolean emit(ItemType t) {
    item = thisItem(t);
    return false;
  }

  private boolean emitItem(Item i) {
    item = i;
    return false;
  }

  private void ignore() {
    line += count(input, start, pos);
    start = pos;
    startLine = line;
  }

  private boolean accept(String valid) {
    int r = next();
    if (r != EOF && valid.indexOf(r) >= 0) {
      return true;
    }
    backup();
    return false;
  }

  private void acceptRun(String valid) {
    int r = next();
    while (r != EOF && valid.indexOf(r) >= 0) {
      r = next();
    }
    backup();
  }

  private boolean errorf(String message) {
    item = new Item(ItemType.ERROR, start, message, startLine);
    start = 0;
    pos = 0;
    input = "";
    return false;
  }

  private static int count(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  static boolean isSpace(int r) {
    return r == ' ' || r == '\t' || r == '\r' || r == '\n';
  }

  static boolean isAlphaNumeric(int r) {
    return r == '_' || Character.isLetter(r) || Character.isDigit(r);
  }

  private boolean hasLeftTrimMarker(int at) {
    return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
  }

  private boolean hasRightTrimMarker(int at) {
    return at + 1 < input.length() && isSpace(input.charAt(at)) && input.charAt(at + 1) == '-';
  }

  private static String badChar(int r) {
    return GoFmt.sprintf("%#U", List.of(r));
  }

  // ---- states ----

  private boolean lexText() {
    int x = input.indexOf(LEFT, pos);
    if (x >= 0) {
      if (x > pos) {
        pos = x;
        int trim = 0;
        if (hasLeftTrimMarker(pos + LEFT.length())) {
          int end = pos;
          while (end > start && isSpace(input.charAt(end - 1))) {
            end--;
          }
          trim = pos - end;
        }
        pos -= trim;
        line += count(input, start, pos);
        Item i = thisItem(ItemType.TEXT);
        pos += trim;
        ignore();
        if (!i.val().isEmpty()) {
          return emitItem(i);
        }
      }
      return lexLeftDelim();
    }
    pos = input.length();
    if (pos > start) {
      line += count(input, start, pos);
      return emit(ItemType.TEXT);
    }
    return emit(ItemType.EOF);
  }

  /** 0: not at the right delimiter; 1: at it; 2: at it with a trim marker. */
  private int atRightDelim() {
    if (hasRightTrimMarker(pos) && input.startsWith(RIGHT, pos + 2)) {
      return 2;
    }
    return input.startsWith(RIGHT, pos) ? 1 : 0;
  }

  private int leftTrimLength(int from) {
    int i = from;
    while (i < input.length() && isSpace(input.charAt(i))) {
      i++;
    }
    return i - from;
  }

  private boolean lexLeftDelim() {
    pos += LEFT.length();
    boolean trimSpace = hasLeftTrimMarker(pos);
    int afterMarker = trimSpace ? 2 : 0;
    if (input.startsWith("/*", pos + afterMarker)) {
      pos += afterMarker;
      ignore();
      return lexComment();
    }
    Item i = thisItem(ItemType.LEFT_DELIM);
    insideAction = true;
    pos += afterMarker;
    ignore();
    parenDepth = 0;
    return emitItem(i);
  }

  private boolean lexComment() {
    pos += 2;
    int x = input.indexOf("*/", pos);
    if (x < 0) {
      return errorf("unclosed comment");
    }
    pos = x + 2;
    int delim = atRightDelim();
    if (delim == 0) {
      return errorf("comment ends before closing delimiter");
    }
    // Go 1.23 (Helm 3.17's Go) does not count a comment's newlines, so later lines are reported
    // that many lines early; kept for identical error messages.
    thisItem(ItemType.COMMENT);
    if (delim == 2) {
      pos += 2;
    }
    pos += RIGHT.length();
    if (delim == 2) {
      pos += leftTrimLength(pos);
    }
    ignore();
    return true;
  }

  private boolean lexRightDelim() {
    boolean trimSpace = atRightDelim() == 2;
    if (trimSpace) {
      pos += 2;
      ignore();
    }
    pos += RIGHT.length();
    Item i = thisItem(ItemType.RIGHT_DELIM);
    if (trimSpace) {
      pos += leftTrimLength(pos);
      ignore();
    }
    insideAction = false;
    return emitItem(i);
  }

  private boolean lexInsideAction() {
    if (atRightDelim() != 0) {
      if (parenDepth == 0) {
        return lexRightDelim();
      }
      return errorf("unclosed left paren");
    }
    int r = next();
    if (r == EOF) {
      return errorf("unclosed action");
    }
    if (isSpace(r)) {
      backup();
      return lexSpace();
    }
    switch (r) {
      case '=':
        return emit(ItemType.ASSIGN);
      case ':':
        if (next() != '=') {
          return errorf("expected :=");
        }
        return emit(ItemType.DECLARE);
      case '|':
        return emit(ItemType.PIPE);
      case '"':
        return lexQuote();
      case '`':
        return lexRawQuote();
      case '$':
        return lexVariable();
      case '\'':
        return lexChar();
      case '(':
        parenDepth++;
        return emit(ItemType.LEFT_PAREN);
      case ')':
        parenDepth--;
        if (parenDepth < 0) {
          return errorf("unexpected right paren");
        }
        return emit(ItemType.RIGHT_PAREN);
      default:
        break;
    }
    if (r == '.') {
      if (pos < input.length()) {
        char c = input.charAt(pos);
        if (c < '0' || '9' < c) {
          return lexFieldOrVariable(ItemType.FIELD);
        }
      }
      backup();
      return lexNumber();
    }
    if (r == '+' || r == '-' || ('0' <= r && r <= '9')) {
      backup();
      return lexNumber();
    }
    if (isAlphaNumeric(r)) {
      backup();
      return lexIdentifier();
    }
    if (r < 0x80 && r >= 0x20 && r < 0x7f) {
      return emit(ItemType.CHAR);
    }
    return errorf("unrecognized character in action: " + badChar(r));
  }

  private boolean lexSpace() {
    int numSpaces = 0;
    while (isSpace(peek())) {
      next();
      numSpaces++;
    }
    if (hasRightTrimMarker(pos - 1) && input.startsWith(RIGHT, pos - 1 + 2)) {
      backup();
      if (numSpaces == 1) {
        return lexRightDelim();
      }
    }
    return emit(ItemType.SPACE);
  }

  private boolean lexIdentifier() {
    int r;
    do {
      r = next();
    } while (isAlphaNumeric(r));
    backup();
    String word = input.substring(start, pos);
    if (!atTerminator()) {
      return errorf("bad character " + badChar(r));
    }
    ItemType key = ItemType.keyword(word);
    if (key != null && key.isKeyword()) {
      if (key == ItemType.BREAK && !breakOk || key == ItemType.CONTINUE && !continueOk) {
        return emit(ItemType.IDENTIFIER);
      }
      return emit(key);
    }
    if (word.charAt(0) == '.') {
      return emit(ItemType.FIELD);
    }
    if (word.equals("true") || word.equals("false")) {
      return emit(ItemType.BOOL);
    }
    return emit(ItemType.IDENTIFIER);
  }

  private boolean lexVariable() {
    if (atTerminator()) {
      return emit(ItemType.VARIABLE);
    }
    return lexFieldOrVariable(ItemType.VARIABLE);
  }

  private boolean lexFieldOrVariable(ItemType typ) {
    if (atTerminator()) {
      return emit(typ == ItemType.VARIABLE ? ItemType.VARIABLE : ItemType.DOT);
    }
    int r;
    do {
      r = next();
    } while (isAlphaNumeric(r));
    backup();
    if (!atTerminator()) {
      return errorf("bad character " + badChar(r));
    }
    return emit(typ);
  }

  private boolean atTerminator() {
    int r = peek();
    if (isSpace(r)) {
      return true;
    }
    switch (r) {
      case EOF, '.', ',', '|', ':', ')', '(':
        return true;
      default:
        return input.startsWith(RIGHT, pos);
    }
  }

  private boolean lexChar() {
    return lexQuoted('\'', ItemType.CHAR_CONSTANT, "unterminated character constant");
  }

  private boolean lexNumber() {
    if (!scanNumber()) {
      return errorf("bad number syntax: " + GoQuote.quote(input.substring(start, pos)));
    }
    int sign = peek();
    if (sign == '+' || sign == '-') {
      if (!scanNumber() || input.charAt(pos - 1) != 'i') {
        return errorf("bad number syntax: " + GoQuote.quote(input.substring(start, pos)));
      }
      return emit(ItemType.COMPLEX);
    }
    return emit(ItemType.NUMBER);
  }

  private boolean scanNumber() {
    accept("+-");
    String digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) {
        digits = "0123456789abcdefABCDEF_";
      } else if (accept("oO")) {
        digits = "01234567_";
      } else if (accept("bB")) {
        digits = "01_";
      }
    }
    acceptRun(digits);
    if (accept(".")) {
      acceptRun(digits);
    }
    if (digits.length() == 11 && accept("eE")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    if (digits.length() == 23 && accept("pP")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    accept("i");
    if (isAlphaNumeric(peek())) {
      next();
      return false;
    }
    return true;
  }

  private boolean lexQuote() {
    return lexQuoted('"', ItemType.STRING, "unterminated quoted string");
  }

  /** Go's lexChar and lexQuote: up to the closing {@code quote}, escapes skipped, never across a line. */
  private boolean lexQuoted(char quote, ItemType type, String unterminated) {
    while (true) {
      int r = next();
      if (r == '\\') {
        int e = next();
        if (e != EOF && e != '\n') {
          continue;
        }
        return errorf(unterminated);
      }
      if (r == EOF || r == '\n') {
        return errorf(unterminated);
      }
      if (r == quote) {
        return emit(type);
      }
    }
  }

  private boolean lexRawQuote() {
    while (true) {
      int r = next();
      if (r == EOF) {
        return errorf("unterminated raw quoted string");
      }
      if (r == '`') {
        return emit(ItemType.RAW_STRING);
      }
    }
  }
}
