package io.deepreshape.cli.common;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: the first {@code leftColumns} columns left-aligned, the rest (numbers) right-aligned. */
public final class Table {
  private final List<String> header;
  private final int leftColumns;
  private final List<List<String>> rows = new ArrayList<>();

  /** A table whose first column is left-aligned. */
  public Table(String... header) {
    this(1, header);
  }

  public Table(int leftColumns, String... header) {
    this.header = List.of(header);
    this.leftColumns = leftColumns;
  }

  public Table row(Object... cells) {
    List<String> r = new ArrayList<>(cells.length);
    for (Object c : cells) {
      r.add(String.valueOf(c));
    }
    rows.add(r);
    return this;
  }

  public String render() {
    int[] w = new int[header.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = header.get(i).length();
      for (List<String> r : rows) {
        w[i] = Math.max(w[i], i < r.size() ? r.get(i).length() : 0);
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header, w);
    for (int i = 0; i < w.length; i++) {
      sb.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
    }
    sb.append('\n');
    for (List<String> r : rows) {
      line(sb, r, w);
    }
    return sb.toString();
  }

  private void line(StringBuilder sb, List<String> cells, int[] w) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < w.length; i++) {
      String c = i < cells.size() ? cells.get(i) : "";
      String pad = " ".repeat(w[i] - c.length());
      l.append(i == 0 ? "" : "  ").append(i < leftColumns ? c + pad : pad + c);
    }
    sb.append(l.toString().stripTrailing()).append('\n');
  }
}
