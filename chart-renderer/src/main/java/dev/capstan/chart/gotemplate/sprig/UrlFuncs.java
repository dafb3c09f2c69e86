package dev.capstan.chart.gotemplate.sprig;

import static dev.capstan.chart.gotemplate.GoType.MAP;
import static dev.capstan.chart.gotemplate.GoType.STRING;

import dev.capstan.chart.gotemplate.GoFuncException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sprig's url.go: urlParse to a dict and urlJoin back, on Go's net/url rules. */
final class UrlFuncs {
  private UrlFuncs() {}

  static void register(FuncTable t) {
    t.fn("urlParse", List.of(STRING), a -> parse((String) a.get(0)));
    t.fn("urlJoin", List.of(MAP), a -> join(DictFuncs.map(a, 0)));
  }

  private static Map<String, Object> parse(String v) {
    GoUrl u;
    try {
      u = GoUrl.parse(v);
    } catch (GoFuncException e) {
      throw new GoFuncException("unable to parse url: " + e.getMessage());
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("scheme", u.scheme);
    d.put("host", u.host);
    d.put("hostname", u.hostname());
    d.put("path", u.path);
    d.put("query", u.rawQuery);
    d.put("opaque", u.opaque);
    d.put("fragment", u.fragment);
    String userinfo = u.userinfo();
    d.put("userinfo", userinfo == null ? "" : userinfo);
    return d;
  }

  private static String get(Map<String, Object> d, String key) {
    if (d == null || !d.containsKey(key)) {
      return "";
    }
    Object v = d.get(key);
    if (!(v instanceof String s)) {
      throw new GoFuncException("unable to parse " + key + " key, must be of type string, but "
          + GoReflect.kind(v) + " found");
    }
    return s;
  }

  private static String join(Map<String, Object> d) {
    GoUrl u = new GoUrl();
    u.scheme = get(d, "scheme");
    u.host = get(d, "host");
    u.path = get(d, "path");
    u.rawQuery = get(d, "query");
    u.opaque = get(d, "opaque");
    u.fragment = get(d, "fragment");
    String userinfo = get(d, "userinfo");
    if (!userinfo.isEmpty()) {
      GoUrl temp;
      try {
        temp = GoUrl.parse("proto://" + userinfo + "@host");
      } catch (GoFuncException e) {
        throw new GoFuncException("unable to parse userinfo in dict: " + e.getMessage());
      }
      u.user = temp.user;
      u.password = temp.password;
    }
    return u.toString();
  }
}
