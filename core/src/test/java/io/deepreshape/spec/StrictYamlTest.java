package io.deepreshape.spec;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A key given twice and a second document are refused instead of silently choosing one. */
class StrictYamlTest {
  private static final String BODY = "input: {channels: 3, height: 32, width: 32, classes: 10}\n"
      + "stem: {type: cifar, channels: 16}\nstages: [{phi: 1, width: 16}]\n";

  @Test
  void aDuplicateKeyIsRefusedWithItsName() {
    assertThatThrownBy(() -> SpecIo.parse("name: a\nname: b\n" + BODY, false))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("Duplicate field 'name'")
        .hasMessageStartingWith("not valid YAML at line 2");
  }

  @Test
  void aDuplicateKeyInJsonIsRefused() {
    assertThatThrownBy(() -> SpecIo.parse("{\"name\": \"a\", \"name\": \"b\"}", true))
        .hasMessageContaining("Duplicate field 'name'");
  }

  @Test
  void aSecondDocumentIsRefused() {
    assertThatThrownBy(() -> SpecIo.parse("name: a\n" + BODY + "---\nname: b\n" + BODY, false))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("holds more than one YAML document");
  }
}
