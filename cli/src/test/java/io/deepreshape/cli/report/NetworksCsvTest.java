package io.deepreshape.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworksCsvTest {
  private static final TrainedNetwork AWKWARD = new TrainedNetwork("a, \"b\"\nc", "snl", "baseline", 50_000, 43,
      49_152, 1_000_000, 12_345, Double.NaN, 2.5, 10, 0.625, 0.5, "specs/x,y.yaml", "runs/\"q\"");

  @Test
  void headerNamesTheColumnsInOrder() throws Exception {
    String csv = ReportWriter.csv(List.of());
    assertThat(csv).isEqualTo("label,method,input,budget,seed,relus,flops,params,latency_s,measured_latency_s,epochs,"
        + "val_top1,top1,spec,run\n");
  }

  @Test
  void awkwardFieldsAreQuotedAsRfc4180Says() throws Exception {
    String csv = ReportWriter.csv(List.of(AWKWARD));
    // RFC 4180: a field with a comma, quote or line break is enclosed in quotes, a quote inside doubled.
    String row = csv.substring(csv.indexOf('\n') + 1);
    assertThat(row).isEqualTo("\"a, \"\"b\"\"\nc\",snl,baseline,50000,43,49152,1000000,12345,NaN,2.5,10,0.625,0.5,"
        + "\"specs/x,y.yaml\",\"runs/\"\"q\"\"\"\n");
  }

  @Test
  void rowsReadBackAsWritten() throws Exception {
    // a network without a measured latency or validation score leaves those cells empty
    TrainedNetwork plain = new TrainedNetwork("baseline", "baseline", "baseline", 0, 42, 557_056, 555_468_800,
        11_220_132, 322.85, null, 200, null, 0.9512, "specs/base.yaml", "runs/base");
    String csv = ReportWriter.csv(List.of(AWKWARD, plain));
    CsvMapper mapper = new CsvMapper();
    try (MappingIterator<TrainedNetwork> it = mapper.readerFor(TrainedNetwork.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
      List<TrainedNetwork> back = it.readAll();
      assertThat(back).hasSize(2);
      assertThat(back.get(0).label()).isEqualTo("a, \"b\"\nc");
      assertThat(back.get(0).latencyS()).isNaN();
      assertThat(back.get(0).run()).isEqualTo("runs/\"q\"");
      assertThat(back.get(1)).isEqualTo(plain);
    }
  }
}
