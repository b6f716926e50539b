package io.voipdoc.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;

/** Output formats of the commands: text for people, JSON for scripts. */
enum OutputFormat {
  text,
  html,
  json;

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  /** Writes {@code document} as indented JSON and a final newline. */
  static void writeJson(PrintWriter out, Object document) throws IOException {
    JSON.writeValue(out, document);
    out.println();
  }
}
