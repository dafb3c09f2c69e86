package dev.capstan.chart.gotemplate;

/** Token types of Go's template lexer; those after {@link #KEYWORD} are keywords. */
enum ItemType {
  ERROR,
  BOOL,
  CHAR,
  CHAR_CONSTANT,
  COMMENT,
  COMPLEX,
  ASSIGN,
  DECLARE,
  EOF,
  FIELD,
  IDENTIFIER,
  LEFT_DELIM,
  LEFT_PAREN,
  NUMBER,
  PIPE,
  RAW_STRING,
  RIGHT_DELIM,
  RIGHT_PAREN,
  SPACE,
  STRING,
  TEXT,
  VARIABLE,
  KEYWORD,
  BLOCK,
  BREAK,
  CONTINUE,
  DOT,
  DEFINE,
  ELSE,
  END,
  IF,
  NIL,
  RANGE,
  TEMPLATE,
  WITH;

  boolean isKeyword() {
    return ordinal() > KEYWORD.ordinal();
  }

  static ItemType keyword(String word) {
    return switch (word) {
      case "." -> DOT;
      case "block" -> BLOCK;
      case "break" -> BREAK;
      case "continue" -> CONTINUE;
      case "define" -> DEFINE;
      case "else" -> ELSE;
      case "end" -> END;
      case "if" -> IF;
      case "range" -> RANGE;
      case "nil" -> NIL;
      case "template" -> TEMPLATE;
      case "with" -> WITH;
      default -> null;
    };
  }
}
