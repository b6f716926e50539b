package io.voipdoc.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Output formats of the commands: text for people, JSON for scripts, Markdown for tickets. */
enum OutputFormat {
  text,
  html,
  json,
  md;

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  /**
   * Fails with a usage error when a command is asked for a format it does not write (Markdown
   * and HTML are written by {@code analyze} only).
   */
  static void require(
      CommandSpec spec, Messages messages, OutputFormat format, OutputFormat... written) {
    if (!Arrays.asList(written).contains(format)) {
      throw new ParameterException(
          spec.commandLine(),
          messages.text("format.unavailable", format, spec.name(), Arrays.toString(written)));
    }
  }

  /** Writes {@code document} as indented JSON and a final newline. */
  static void writeJson(PrintWriter out, Object document) throws IOException {
    JSON.writeValue(out, document);
    out.println();
  }
}
