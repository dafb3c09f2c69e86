package dev.capstan.chart.gotemplate;

import dev.capstan.chart.gotemplate.Node.NumberNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/**
 * Go's {@code newNumber}: every reading of a number constant (int, unsigned, float) as Go's
 * parser records it, with its errors ({@code integer overflow}, {@code illegal number syntax}).
 */
final class Numbers {
  private Numbers() {}

  static NumberNode parse(Item token) throws GoStrconv.SyntaxError {
    String t = token.val();
    if (token.typ() == ItemType.CHAR_CONSTANT) {
      int[] at = {1};
      int r;
      r = GoStrconv.unquoteChar(t, at, '\'', new ByteArrayOutputStream());
      if (!t.substring(at[0]).equals("'")) {
        throw new GoStrconv.SyntaxError("malformed character constant: " + t);
      }
      return new NumberNode(token.pos(), t, true, r, true, true, r);
    }
    if (token.typ() == ItemType.COMPLEX) {
      return complex(token, parseComplex(t));
    }
    if (t.endsWith("i")) {
      Double im = GoStrconv.parseFloat(t.substring(0, t.length() - 1));
      if (im != null) {
        return complex(token, new GoComplex(0, im));
      }
    }
    BigInteger u = GoStrconv.parseInteger(t, false);
    BigInteger i = GoStrconv.parseInteger(t, true);
    boolean isUint = u != null;
    boolean isInt = i != null;
    if (isInt && i.signum() == 0) {
      isUint = true;
    }
    long int64 = isInt ? i.longValue() : 0;
    boolean isFloat = false;
    double f = 0;
    if (isInt) {
      isFloat = true;
      f = int64;
    } else if (isUint) {
      isFloat = true;
      f = u.doubleValue();
    } else {
      Double parsed = GoStrconv.parseFloat(t);
      if (parsed != null) {
        if (!Parser.containsAny(t, ".eEpP")) {
          throw new GoStrconv.SyntaxError("integer overflow: " + GoQuote.quote(t));
        }
        isFloat = true;
        f = parsed;
        if (f == Math.rint(f) && Math.abs(f) < 0x1p63) {
          isInt = true;
          int64 = (long) f;
        }
        if (f == Math.rint(f) && f >= 0 && f < 0x1p64) {
          isUint = true;
        }
      }
    }
    if (!isInt && !isUint && !isFloat) {
      throw new GoStrconv.SyntaxError("illegal number syntax: " + GoQuote.quote(t));
    }
    return new NumberNode(token.pos(), t, isInt, int64, isUint, isFloat, f);
  }


  /** Go's {@code simplifyComplex}: a complex constant with no imaginary part is also a number. */
  private static NumberNode complex(Item token, GoComplex c) {
    boolean isFloat = c.im() == 0;
    double f = isFloat ? c.re() : 0;
    boolean isInt = isFloat && f == Math.rint(f) && Math.abs(f) < 0x1p63;
    boolean isUint = isFloat && f == Math.rint(f) && f >= 0 && f < 0x1p64;
    return new NumberNode(token.pos(), token.val(), isInt, isInt ? (long) f : 0, isUint, isFloat,
        f, c);
  }

  /** {@code fmt.Sscan} of a complex constant the lexer accepted: {@code REAL+IMAGi}. */
  private static GoComplex parseComplex(String t) throws GoStrconv.SyntaxError {
    for (int i = t.length() - 2; i > 0; i--) {
      char c = t.charAt(i);
      char before = Character.toLowerCase(t.charAt(i - 1));
      if ((c == '+' || c == '-') && before != 'e' && before != 'p') {
        Double re = GoStrconv.parseFloat(t.substring(0, i));
        Double im = GoStrconv.parseFloat(t.substring(i, t.length() - 1));
        if (re != null && im != null) {
          return new GoComplex(re, im);
        }
        break;
      }
    }
    throw new GoStrconv.SyntaxError("expected integer");
  }
}
