package dev.capstan.chart.gotemplate;

/**
 * One named template: its body and where it was written. {@code parseName} is the source it was
 * parsed from (a file, for a {@code define} inside it), {@code text} that source's whole text; both
 * are used to name the place of an execution error as Go does ({@code file:line:col}).
 */
record Tree(String name, String parseName, String text, Node.ListNode root) {
  /** Go's {@code IsEmptyTree}: only whitespace text and comments. */
  boolean isEmpty() {
    return isEmpty(root);
  }

  static boolean isEmpty(Node n) {
    if (n == null) {
      return true;
    }
    if (n instanceof Node.ListNode l) {
      for (Node c : l.nodes()) {
        if (!isEmpty(c)) {
          return false;
        }
      }
      return true;
    }
    if (n instanceof Node.TextNode t) {
      return t.text().strip().isEmpty();
    }
    return n instanceof Node.CommentNode;
  }

  /** Go's {@code ErrorContext} location: {@code parseName:line:byteColumn} of a node. */
  String location(Node n) {
    int pos = Math.min(n.pos(), text.length());
    int lineStart = text.lastIndexOf('\n', pos - 1) + 1;
    int line = 1;
    for (int i = 0; i < pos; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    int col = GoValues.utf8Length(text, lineStart, pos);
    return parseName + ":" + line + ":" + col;
  }

}
