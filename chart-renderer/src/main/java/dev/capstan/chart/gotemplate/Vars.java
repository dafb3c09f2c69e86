package dev.capstan.chart.gotemplate;

import java.util.Arrays;

/**
 * The executor's variable stack, as Go's {@code state.vars}: pushed by declarations, popped at the
 * end of the block that declared them, searched from the top down to the current template's frame
 * (a called template sees only its own {@code $}). Each variable remembers whether its value came
 * from an interface{} slot (see {@link Exec}).
 */
final class Vars {
  private String[] names = new String[16];
  private Object[] values = new Object[16];
  private boolean[] iface = new boolean[16];
  private int size;
  private int frame;

  int mark() {
    return size;
  }

  void push(String name, Object value, boolean fromInterface) {
    if (size == names.length) {
      int n = size * 2;
      names = Arrays.copyOf(names, n);
      values = Arrays.copyOf(values, n);
      iface = Arrays.copyOf(iface, n);
    }
    names[size] = name;
    values[size] = value;
    iface[size] = fromInterface;
    size++;
  }

  void pop(int mark) {
    for (int i = mark; i < size; i++) {
      values[i] = null;
    }
    size = mark;
  }

  /** The index of the innermost variable of that name in the current frame, or -1. */
  int find(String name) {
    for (int i = size - 1; i >= frame; i--) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  Object value(int i) {
    return values[i];
  }

  boolean fromInterface(int i) {
    return iface[i];
  }

  void set(int i, Object value, boolean fromInterface) {
    values[i] = value;
    iface[i] = fromInterface;
  }

  /** Sets the n-th variable from the top (1 is the last pushed). */
  void setTop(int n, Object value, boolean fromInterface) {
    set(size - n, value, fromInterface);
  }

  /** Starts a template's frame; returns the previous one for {@link #endFrame}. */
  int startFrame() {
    int saved = frame;
    frame = size;
    return saved;
  }

  void endFrame(int savedFrame, int mark) {
    pop(mark);
    frame = savedFrame;
  }
}
