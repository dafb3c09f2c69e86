package dev.capstan.chart.gotemplate.sprig;

/** Go's net.ParseIP, without any name lookup (InetAddress would resolve host names). */
final class GoNet {
  private GoNet() {}

  /** 4 bytes for IPv4, 16 for IPv6, null when not an address. */
  static byte[] parseIp(String s) {
    if (s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      String[] parts = s.split("\\.");
      byte[] out = new byte[4];
      for (int i = 0; i < 4; i++) {
        if (parts[i].length() > 1 && parts[i].startsWith("0")) {
          return null;
        }
        int v = Integer.parseInt(parts[i]);
        if (v > 255) {
          return null;
        }
        out[i] = (byte) v;
      }
      return out;
    }
    if (!s.contains(":") || !s.matches("[0-9A-Fa-f:.]+")) {
      return null;
    }
    try {
      // Only hex digits, colons and dots reach here, so no DNS lookup can happen.
      byte[] b = java.net.InetAddress.getByName(s).getAddress();
      return b.length == 16 ? b : null;
    } catch (java.net.UnknownHostException e) {
      return null;
    }
  }
}
