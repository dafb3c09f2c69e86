package dev.capstan.chart.gotemplate.sprig;

import static dev.capstan.chart.gotemplate.GoType.STRING;

import java.security.SecureRandom;
import java.util.List;

/** huandu/xstrings v1.5 as Sprig registers it: snakecase, kebabcase, camelcase, shuffle. */
final class CaseFuncs {
  private static final SecureRandom RANDOM = new SecureRandom();

  private CaseFuncs() {}

  static void register(FuncTable t) {
    t.fn("snakecase", List.of(STRING), a -> toLowerCase((String) a.get(0), '_'));
    t.fn("kebabcase", List.of(STRING), a -> toLowerCase((String) a.get(0), '-'));
    t.fn("camelcase", List.of(STRING), a -> pascalCase((String) a.get(0)));
    t.fn("shuffle", List.of(STRING), a -> shuffle((String) a.get(0)));
  }

  static boolean isConnector(int r) {
    return r == '-' || r == '_' || GoText.isSpace(r);
  }

  /** xstrings' isAlphabet: a letter that is not CJK. */
  static boolean isAlphabet(int r) {
    if (!Character.isLetter(r)) {
      return false;
    }
    Character.UnicodeScript sc = Character.UnicodeScript.of(r);
    return sc != Character.UnicodeScript.HAN
        && sc != Character.UnicodeScript.HIRAGANA
        && sc != Character.UnicodeScript.KATAKANA
        && sc != Character.UnicodeScript.HANGUL;
  }

  /** xstrings.ToPascalCase (camelcase in Sprig 3.3: upper camel case). */
  static String pascalCase(String str) {
    int[] rs = str.codePoints().toArray();
    if (rs.length == 0) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    int i = 0;
    boolean firstUpper = false;
    int r0 = 0;
    while (i < rs.length) {
      r0 = rs[i++];
      if (!isConnector(r0)) {
        firstUpper = Character.isUpperCase(r0);
        r0 = Character.toUpperCase(r0);
        break;
      }
      b.appendCodePoint(r0);
    }
    if (i >= rs.length) {
      // As xstrings does: the last rune read is written again even when it was a connector
      // already written in the loop ("--" gives "---").
      b.appendCodePoint(r0);
      return b.toString();
    }
    while (i < rs.length) {
      int r1 = r0;
      r0 = rs[i++];
      if (isConnector(r0) && isConnector(r1)) {
        b.appendCodePoint(r1);
        continue;
      }
      if (isConnector(r1)) {
        firstUpper = Character.isUpperCase(r0);
        r0 = Character.toUpperCase(r0);
      } else {
        if (firstUpper) {
          if (Character.isUpperCase(r0)) {
            r0 = Character.toLowerCase(r0);
          } else {
            firstUpper = false;
          }
        }
        b.appendCodePoint(r1);
      }
    }
    b.appendCodePoint(r0);
    return b.toString();
  }

  private static String shuffle(String s) {
    int[] rs = s.codePoints().toArray();
    for (int i = rs.length - 1; i > 0; i--) {
      int j = RANDOM.nextInt(i + 1);
      int x = rs[i];
      rs[i] = rs[j];
      rs[j] = x;
    }
    return new String(rs, 0, rs.length);
  }

  private enum WordType {
    INVALID,
    NUMBER,
    UPPER,
    ALPHABET,
    CONNECTOR,
    PUNCT,
    OTHER
  }

  private record Word(WordType type, String word, String rest) {}

  /** xstrings.camelCaseToLowerCase. */
  static String toLowerCase(String str, char connector) {
    if (str.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    Word w = nextWord(str);
    while (!w.rest.isEmpty()) {
      if (w.type != WordType.CONNECTOR) {
        lower(b, w.type, w.word, connector);
      }
      WordType prev = w.type;
      String last = w.word;
      w = nextWord(w.rest);
      switch (prev) {
        case NUMBER -> {
          while (w.type == WordType.ALPHABET || w.type == WordType.NUMBER) {
            lower(b, w.type, w.word, connector);
            w = nextWord(w.rest);
          }
          if (w.type != WordType.INVALID
              && w.type != WordType.PUNCT
              && w.type != WordType.CONNECTOR) {
            b.append(connector);
          }
        }
        case CONNECTOR -> lower(b, prev, last, connector);
        case PUNCT -> {}
        default -> {
          if (w.type != WordType.NUMBER) {
            if (w.type != WordType.CONNECTOR && w.type != WordType.PUNCT) {
              b.append(connector);
            }
            break;
          }
          if (w.rest.isEmpty()) {
            break;
          }
          String number = w.word;
          w = nextWord(w.rest);
          if (w.type != WordType.ALPHABET) {
            lower(b, WordType.NUMBER, number, connector);
            if (w.type != WordType.CONNECTOR && w.type != WordType.PUNCT) {
              b.append(connector);
            }
            break;
          }
          b.append(connector);
          lower(b, WordType.NUMBER, number, connector);
          while (w.type == WordType.ALPHABET || w.type == WordType.NUMBER) {
            lower(b, w.type, w.word, connector);
            w = nextWord(w.rest);
          }
          if (w.type != WordType.INVALID
              && w.type != WordType.CONNECTOR
              && w.type != WordType.PUNCT) {
            b.append(connector);
          }
        }
      }
    }
    lower(b, w.type, w.word, connector);
    return b.toString();
  }

  private static void lower(StringBuilder b, WordType type, String s, char connector) {
    if (type != WordType.UPPER && type != WordType.CONNECTOR) {
      b.append(s);
      return;
    }
    s.codePoints()
        .forEach(
            r -> {
              if (isConnector(r)) {
                b.append(connector);
              } else {
                b.appendCodePoint(Character.isUpperCase(r) ? Character.toLowerCase(r) : r);
              }
            });
  }

  private static boolean isPunct(int r) {
    int t = Character.getType(r);
    return t == Character.CONNECTOR_PUNCTUATION
        || t == Character.DASH_PUNCTUATION
        || t == Character.START_PUNCTUATION
        || t == Character.END_PUNCTUATION
        || t == Character.INITIAL_QUOTE_PUNCTUATION
        || t == Character.FINAL_QUOTE_PUNCTUATION
        || t == Character.OTHER_PUNCTUATION;
  }

  private static boolean isNumber(int r) {
    int t = Character.getType(r);
    return t == Character.DECIMAL_DIGIT_NUMBER
        || t == Character.LETTER_NUMBER
        || t == Character.OTHER_NUMBER;
  }

  /** xstrings.nextWord over code points (Java strings hold no invalid UTF-8). */
  private static Word nextWord(String str) {
    if (str.isEmpty()) {
      return new Word(WordType.INVALID, "", "");
    }
    int r = str.codePointAt(0);
    int offset = Character.charCount(r);
    WordType type;
    if (isConnector(r)) {
      type = WordType.CONNECTOR;
      offset = scan(str, offset, CaseFuncs::isConnector);
    } else if (isPunct(r)) {
      type = WordType.PUNCT;
      offset = scan(str, offset, CaseFuncs::isPunct);
    } else if (Character.isUpperCase(r)) {
      type = WordType.UPPER;
      if (offset < str.length()) {
        int r2 = str.codePointAt(offset);
        if (Character.isUpperCase(r2)) {
          int prevSize = Character.charCount(r2);
          offset += prevSize;
          while (offset < str.length() && Character.isUpperCase(str.codePointAt(offset))) {
            prevSize = Character.charCount(str.codePointAt(offset));
            offset += prevSize;
          }
          if (offset < str.length() && isAlphabet(str.codePointAt(offset))) {
            offset -= prevSize;
          }
        } else if (isAlphabet(r2)) {
          offset = scan(str, offset, c -> isAlphabet(c) && !Character.isUpperCase(c));
        }
      }
    } else if (isAlphabet(r)) {
      type = WordType.ALPHABET;
      offset = scan(str, offset, c -> isAlphabet(c) && !Character.isUpperCase(c));
    } else if (isNumber(r)) {
      type = WordType.NUMBER;
      offset = scan(str, offset, CaseFuncs::isNumber);
    } else {
      type = WordType.OTHER;
      offset =
          scan(
              str,
              offset,
              c -> !(isConnector(c) || isAlphabet(c) || isNumber(c) || isPunct(c)));
    }
    return new Word(type, str.substring(0, offset), str.substring(offset));
  }

  private static int scan(String s, int from, java.util.function.IntPredicate keep) {
    int at = from;
    while (at < s.length() && keep.test(s.codePointAt(at))) {
      at += Character.charCount(s.codePointAt(at));
    }
    return at;
  }
}
