package io.deepreshape.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

class ProfilesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static String withConstant(String name, String value) {
    StringBuilder b = new StringBuilder("name: t\nconstants:\n");
    for (String c : Profile.REQUIRED) {
      b.append("  ").append(c).append(": {value: 1, source: test}\n");
    }
    if (name != null) {
      b.append("  ").append(name).append(": {value: ").append(value).append(", source: test}\n");
    }
    return b.toString();
  }

  private static Profile parse(String yaml) throws Exception {
    return Profiles.parse(YAML.readTree(yaml), "t.yaml");
  }

  @Test
  void optionalConstantsTakeTheirDefaultsWhenLeftOut() throws Exception {
    Profile p = parse(withConstant(null, null));
    assertThat(p.value("he_poly_degree")).isEqualTo(8192);
    assertThat(p.value("he_offline_us_per_product")).isZero();
    assertThat(parse(withConstant("he_offline_us_per_product", "250")).value("he_offline_us_per_product"))
        .isEqualTo(250);
  }

  @Test
  void aMisspelledConstantIsNamed() {
    assertThatThrownBy(() -> parse(withConstant("he_offline_us_per_prodcut", "1")))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("t.yaml: constants.he_offline_us_per_prodcut is not a constant of the model");
  }

  @Test
  void theRingDegreeMustBeAPowerOfTwo() {
    assertThatThrownBy(() -> parse(withConstant("he_poly_degree", "3000")))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("constants.he_poly_degree must be a power of two from 16 to 2^20, was 3000");
    assertThatThrownBy(() -> parse(withConstant("he_poly_degree", "0")))
        .hasMessageContaining("he_poly_degree must be a power of two");
  }

  @Test
  void everyBuiltInProfileLoads() {
    for (String name : Profiles.BUILT_IN) {
      assertThat(Profiles.load(name).name()).isEqualTo(name);
    }
  }
}
