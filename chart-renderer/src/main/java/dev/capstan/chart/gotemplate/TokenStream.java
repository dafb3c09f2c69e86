package dev.capstan.chart.gotemplate;

/**
 * The parser's view of the lexer, as Go's {@code Tree} keeps it: up to three tokens of lookahead
 * that can be pushed back. Each tree (file, define, block) has its own over the shared lexer, so
 * the line of "the last token read" in an error message is the one Go reports.
 */
final class TokenStream {
  private final Lexer lex;
  private final Item[] token = new Item[3];
  private int peekCount;

  TokenStream(Lexer lex) {
    this.lex = lex;
  }

  /** The line of the most recently lexed token (Go's {@code token[0].line}), 1 before any. */
  int lastLine() {
    return token[0] == null ? 1 : token[0].line();
  }

  Item next() {
    if (peekCount > 0) {
      peekCount--;
    } else {
      token[0] = lex.nextItem();
    }
    return token[peekCount];
  }

  void backup() {
    peekCount++;
  }

  void backup2(Item t1) {
    token[1] = t1;
    peekCount = 2;
  }

  void backup3(Item t2, Item t1) {
    token[1] = t1;
    token[2] = t2;
    peekCount = 3;
  }

  Item peek() {
    if (peekCount > 0) {
      return token[peekCount - 1];
    }
    peekCount = 1;
    token[0] = lex.nextItem();
    return token[0];
  }

  Item nextNonSpace() {
    Item t;
    do {
      t = next();
    } while (t.typ() == ItemType.SPACE);
    return t;
  }

  Item peekNonSpace() {
    Item t = nextNonSpace();
    backup();
    return t;
  }
}
