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
    if (token.typ() == ItemType.COMPLEX || t.endsWith("i")) {
      throw new GoStrconv.SyntaxError("complex number constants are not supported: " + t);
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

}
