package dev.capstan.chart.template;

import java.io.Writer;

/** Collects one template's output, charging every character to the render's budget. */
final class CountingWriter extends Writer {
  private final StringBuilder out = new StringBuilder();
  private final RenderBudget budget;
  private final String path;

  CountingWriter(RenderBudget budget, String path) {
    this.budget = budget;
    this.path = path;
  }

  @Override
  public void write(char[] buf, int off, int len) {
    budget.checkTime(path, 0);
    budget.addOutput(len, path, 0);
    out.append(buf, off, len);
  }

  @Override
  public void write(String str, int off, int len) {
    budget.checkTime(path, 0);
    budget.addOutput(len, path, 0);
    out.append(str, off, off + len);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  @Override
  public String toString() {
    return out.toString();
  }
}
