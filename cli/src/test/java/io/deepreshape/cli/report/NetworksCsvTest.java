package io.deepreshape.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworksCsvTest {
  private static final TrainedNetwork AWKWARD = new TrainedNetwork("a, \"b\"\nc", "snl", 50_000, 49_152, 1_000_000,
      12_345, Double.NaN, 0.5, "specs/x,y.yaml", "runs/\"q\"");

  @Test
  void headerNamesTheColumnsInOrder() throws Exception {
    String csv = ReportWriter.csv(List.of());
    assertThat(csv).isEqualTo("label,method,budget,relus,flops,params,latency_s,top1,spec,run\n");
  }

  @Test
  void awkwardFieldsAreQuotedAsRfc4180Says() throws Exception {
    String csv = ReportWriter.csv(List.of(AWKWARD));
    // RFC 4180: a field with a comma, quote or line break is enclosed in quotes, a quote inside doubled.
    String row = csv.substring(csv.indexOf('\n') + 1);
    assertThat(row).isEqualTo("\"a, \"\"b\"\"\nc\",snl,50000,49152,1000000,12345,NaN,0.5,\"specs/x,y.yaml\","
        + "\"runs/\"\"q\"\"\"\n");
  }

  @Test
  void rowsReadBackAsWritten() throws Exception {
    TrainedNetwork plain = new TrainedNetwork("baseline", "baseline", 0, 557_056, 555_468_800, 11_220_132,
        322.85, 0.9512, "specs/base.yaml", "runs/base");
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
