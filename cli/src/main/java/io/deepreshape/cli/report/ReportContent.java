package io.deepreshape.cli.report;

import io.deepreshape.cli.plot.PlotNetwork;
import java.util.List;

/**
 * Everything a pipeline report shows: its settings in words, the criticality used (a table of rows or a
 * note), the stage ReLU distributions of baseline, equalized and HybReNet networks, the design space
 * (ReLUs vs FLOPs), the trained networks and their training curves, and further tables (the network
 * selection, the design's choices) shown after the headline.
 */
public record ReportContent(
    String title,
    String dataset,
    List<String> settings,
    String criticalityNote,
    List<List<String>> criticalityRows,
    List<PlotNetwork> distributions,
    List<PlotNetwork> designSpace,
    List<TrainedNetwork> trained,
    List<TrainingCurve> curves,
    String profile,
    List<String> notes,
    List<ReportTable> tables) {

  public ReportContent(String title, String dataset, List<String> settings, String criticalityNote,
      List<List<String>> criticalityRows, List<PlotNetwork> distributions, List<PlotNetwork> designSpace,
      List<TrainedNetwork> trained, List<TrainingCurve> curves, String profile, List<String> notes) {
    this(title, dataset, settings, criticalityNote, criticalityRows, distributions, designSpace, trained, curves,
        profile, notes, List.of());
  }

  public ReportContent {
    settings = List.copyOf(settings);
    criticalityRows = List.copyOf(criticalityRows);
    distributions = List.copyOf(distributions);
    designSpace = List.copyOf(designSpace);
    trained = List.copyOf(trained);
    curves = List.copyOf(curves);
    notes = List.copyOf(notes);
    tables = List.copyOf(tables);
  }
}
