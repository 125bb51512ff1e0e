package io.deepreshape.cli.report;

import java.util.List;

/** A table of the report with its heading and a sentence saying how to read it. */
public record ReportTable(String title, String intro, List<String> header, List<List<String>> rows) {
  public ReportTable {
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
    for (List<String> r : rows) {
      if (r.size() != header.size()) {
        throw new IllegalArgumentException("row " + r + " has " + r.size() + " cells, the header " + header.size());
      }
    }
  }
}
