package dev.capstan.chart.gotemplate.sprig;

import dev.capstan.chart.gotemplate.GoFuncException;
import dev.capstan.chart.gotemplate.GoQuote;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The part of Go's net/url that urlParse and urlJoin use: Parse (scheme, opaque, authority with
 * userinfo and port, path, raw query, fragment, with Go's error texts) and URL.String with Go's
 * escaping rules.
 */
final class GoUrl {
  String scheme = "";
  String opaque = "";
  String user;
  String password;
  String host = "";
  String path = "";
  String rawPath = "";
  boolean omitHost;
  boolean forceQuery;
  String rawQuery = "";
  String fragment = "";
  String rawFragment = "";

  private enum Mode { PATH, PATH_SEGMENT, HOST, ZONE, USER_PASSWORD, QUERY_COMPONENT, FRAGMENT }

  static GoUrl parse(String raw) {
    int hash = raw.indexOf('#');
    String u = hash < 0 ? raw : raw.substring(0, hash);
    GoUrl url;
    try {
      url = parseNoFragment(u);
    } catch (GoFuncException e) {
      throw new GoFuncException("parse " + GoQuote.quote(u) + ": " + e.getMessage());
    }
    if (hash >= 0) {
      String frag = raw.substring(hash + 1);
      try {
        url.fragment = unescape(frag, Mode.FRAGMENT);
        url.rawFragment = escape(url.fragment, Mode.FRAGMENT).equals(frag) ? "" : frag;
      } catch (GoFuncException e) {
        throw new GoFuncException("parse " + GoQuote.quote(raw) + ": " + e.getMessage());
      }
    }
    return url;
  }

  private static GoUrl parseNoFragment(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new GoFuncException("net/url: invalid control character in URL");
      }
    }
    GoUrl url = new GoUrl();
    if (raw.equals("*")) {
      url.path = "*";
      return url;
    }
    String rest = raw;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isLetter(c) && c < 0x80) {
        continue;
      } else if ((c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') && i > 0) {
        continue;
      } else if (c == ':') {
        if (i == 0) {
          throw new GoFuncException("missing protocol scheme");
        }
        url.scheme = raw.substring(0, i).toLowerCase(java.util.Locale.ROOT);
        rest = raw.substring(i + 1);
      }
      break;
    }
    if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
      url.forceQuery = true;
      rest = rest.substring(0, rest.length() - 1);
    } else {
      int q = rest.indexOf('?');
      if (q >= 0) {
        url.rawQuery = rest.substring(q + 1);
        rest = rest.substring(0, q);
      }
    }
    if (!rest.startsWith("/")) {
      if (!url.scheme.isEmpty()) {
        url.opaque = rest;
        return url;
      }
      int slash = rest.indexOf('/');
      String segment = slash < 0 ? rest : rest.substring(0, slash);
      if (segment.contains(":")) {
        throw new GoFuncException("first path segment in URL cannot contain colon");
      }
    }
    if ((!url.scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
      String authority = rest.substring(2);
      rest = "";
      int slash = authority.indexOf('/');
      if (slash >= 0) {
        rest = authority.substring(slash);
        authority = authority.substring(0, slash);
      }
      url.parseAuthority(authority);
    } else if (!url.scheme.isEmpty() && rest.startsWith("/")) {
      url.omitHost = true;
    }
    url.path = unescape(rest, Mode.PATH);
    url.rawPath = escape(url.path, Mode.PATH).equals(rest) ? "" : rest;
    return url;
  }

  private void parseAuthority(String authority) {
    int at = authority.lastIndexOf('@');
    host = parseHost(at < 0 ? authority : authority.substring(at + 1));
    if (at < 0) {
      return;
    }
    String userinfo = authority.substring(0, at);
    for (int i = 0; i < userinfo.length(); i++) {
      char c = userinfo.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 0x80 || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0)) {
        throw new GoFuncException("net/url: invalid userinfo");
      }
    }
    int colon = userinfo.indexOf(':');
    if (colon < 0) {
      user = unescape(userinfo, Mode.USER_PASSWORD);
    } else {
      user = unescape(userinfo.substring(0, colon), Mode.USER_PASSWORD);
      password = unescape(userinfo.substring(colon + 1), Mode.USER_PASSWORD);
    }
  }

  private static String parseHost(String host) {
    if (host.startsWith("[")) {
      int close = host.lastIndexOf(']');
      if (close < 0) {
        throw new GoFuncException("missing ']' in host");
      }
      String colonPort = host.substring(close + 1);
      if (!validPort(colonPort)) {
        throw new GoFuncException("invalid port " + GoQuote.quote(colonPort) + " after host");
      }
      return unescape(host, Mode.HOST);
    }
    int colon = host.lastIndexOf(':');
    if (colon >= 0) {
      String colonPort = host.substring(colon);
      if (!validPort(colonPort)) {
        throw new GoFuncException("invalid port " + GoQuote.quote(colonPort) + " after host");
      }
    }
    return unescape(host, Mode.HOST);
  }

  private static boolean validPort(String p) {
    if (p.isEmpty()) {
      return true;
    }
    if (p.charAt(0) != ':') {
      return false;
    }
    return p.substring(1).chars().allMatch(c -> c >= '0' && c <= '9');
  }

  String hostname() {
    String h = host;
    if (h.startsWith("[")) {
      int close = h.indexOf(']');
      return close < 0 ? h.substring(1) : h.substring(1, close);
    }
    int colon = h.lastIndexOf(':');
    return colon >= 0 && validPort(h.substring(colon)) ? h.substring(0, colon) : h;
  }

  String userinfo() {
    if (user == null) {
      return null;
    }
    String s = escape(user, Mode.USER_PASSWORD);
    return password == null ? s : s + ":" + escape(password, Mode.USER_PASSWORD);
  }

  /** URL.String(). */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    if (!scheme.isEmpty()) {
      b.append(scheme).append(':');
    }
    if (!opaque.isEmpty()) {
      b.append(opaque);
    } else {
      if (!scheme.isEmpty() || !host.isEmpty() || user != null) {
        if (!(omitHost && host.isEmpty() && user == null)) {
          if (!host.isEmpty() || !path.isEmpty() || user != null) {
            b.append("//");
          }
          if (user != null) {
            b.append(userinfo()).append('@');
          }
          if (!host.isEmpty()) {
            b.append(escape(host, Mode.HOST));
          }
        }
      }
      String p = escapedPath();
      if (!p.isEmpty() && p.charAt(0) != '/' && !host.isEmpty()) {
        b.append('/');
      }
      if (b.length() == 0) {
        int slash = p.indexOf('/');
        if ((slash < 0 ? p : p.substring(0, slash)).contains(":")) {
          b.append("./");
        }
      }
      b.append(p);
    }
    if (forceQuery || !rawQuery.isEmpty()) {
      b.append('?').append(rawQuery);
    }
    if (!fragment.isEmpty()) {
      b.append('#').append(escape(fragment, Mode.FRAGMENT));
    }
    return b.toString();
  }

  private String escapedPath() {
    if (!rawPath.isEmpty()) {
      try {
        if (unescape(rawPath, Mode.PATH).equals(path)) {
          return rawPath;
        }
      } catch (GoFuncException e) {
        // fall through to the default escaping, as Go does for an invalid RawPath
      }
    }
    return path.equals("*") ? "*" : escape(path, Mode.PATH);
  }

  private static boolean shouldEscape(int c, Mode mode) {
    if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
      return false;
    }
    if (mode == Mode.HOST || mode == Mode.ZONE) {
      if ("!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
        return false;
      }
    }
    switch (c) {
      case '-', '_', '.', '~':
        return false;
      case '$', '&', '+', ',', '/', ':', ';', '=', '?', '@':
        switch (mode) {
          case PATH:
            return c == '?';
          case PATH_SEGMENT:
            return c == '/' || c == ';' || c == ',' || c == '?';
          case USER_PASSWORD:
            return c == '@' || c == '/' || c == '?' || c == ':';
          case QUERY_COMPONENT:
            return true;
          case FRAGMENT:
            return false;
          default:
            break;
        }
        break;
      default:
        break;
    }
    if (mode == Mode.FRAGMENT) {
      return !(c == '!' || c == '(' || c == ')' || c == '*');
    }
    return true;
  }

  static String escape(String s, Mode mode) {
    StringBuilder b = new StringBuilder();
    for (byte raw : s.getBytes(StandardCharsets.UTF_8)) {
      int c = raw & 0xff;
      if (shouldEscape(c, mode)) {
        if (c == ' ' && mode == Mode.QUERY_COMPONENT) {
          b.append('+');
        } else {
          b.append('%').append("0123456789ABCDEF".charAt(c >> 4))
              .append("0123456789ABCDEF".charAt(c & 15));
        }
      } else {
        b.append((char) c);
      }
    }
    return b.toString();
  }

  static String unescape(String s, Mode mode) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int c = bytes[i] & 0xff;
      if (c == '%') {
        if (i + 2 >= bytes.length || hex(bytes[i + 1]) < 0 || hex(bytes[i + 2]) < 0) {
          String bad = new String(bytes, i, Math.min(3, bytes.length - i), StandardCharsets.UTF_8);
          throw new GoFuncException("invalid URL escape " + GoQuote.quote(bad));
        }
        int v = hex(bytes[i + 1]) << 4 | hex(bytes[i + 2]);
        if (mode == Mode.HOST && v < 0x80 && v != ' ' && shouldEscape(v, Mode.HOST)) {
          throw new GoFuncException("invalid URL escape "
              + GoQuote.quote(new String(bytes, i, 3, StandardCharsets.UTF_8)));
        }
        out.write(v);
        i += 2;
      } else {
        if (mode == Mode.HOST && c < 0x80 && shouldEscape(c, Mode.HOST)) {
          throw new GoFuncException("invalid character " + GoQuote.quote(String.valueOf((char) c))
              + " in host name");
        }
        out.write(c);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    return Character.digit((char) b, 16);
  }
}
