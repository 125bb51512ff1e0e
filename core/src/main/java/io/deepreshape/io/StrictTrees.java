package io.deepreshape.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.deepreshape.error.UserInputException;
import java.io.IOException;

/**
 * Reads one JSON or YAML document into a tree, refusing what Jackson would otherwise accept silently:
 * a key given twice in one mapping (the last value would win) and a second document after the first
 * (it would be ignored). Errors are {@link UserInputException}s with line and column; callers prefix
 * the file name.
 */
public final class StrictTrees {
  private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private StrictTrees() {}

  /** The single document of {@code text}, parsed as JSON when {@code json} is true, YAML otherwise. */
  public static JsonNode read(String text, boolean json) {
    String kind = json ? "JSON" : "YAML";
    ObjectMapper mapper = json ? JSON : YAML;
    try (JsonParser p = mapper.createParser(text)) {
      if (p.nextToken() == null) {
        return null;
      }
      JsonNode root = mapper.readTree(p);
      JsonToken next = p.nextToken();
      if (next != null) {
        throw new UserInputException("holds more than one " + kind + " document (another starts" + where(
            p.currentLocation()) + "); keep one");
      }
      return root;
    } catch (JacksonException e) {
      throw new UserInputException("not valid " + kind + where(e.getLocation()) + ": "
          + e.getOriginalMessage().lines().findFirst().orElse("syntax error"));
    } catch (IOException e) {
      throw new UserInputException("not readable as " + kind + ": " + e.getMessage());
    }
  }

  private static String where(JsonLocation loc) {
    return loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
  }
}
