package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/json.md is the schema of {@code analyze --format json}: every field it lists is in real
 * output (lab captures with findings, calls and streams, a damaged capture, a missing input), and
 * the output has no field it does not list.
 */
class JsonSchemaTest {
  private static final Pattern FIELD = Pattern.compile("`([a-zA-Z<>\\[\\]. ]+)`");

  @TempDir Path dir;

  /** The field paths in the first column of the tables of docs/json.md. */
  private static Set<String> documented() throws IOException {
    Set<String> fields = new TreeSet<>();
    for (String line :
        Files.readAllLines(Cli.root().resolve("docs/json.md"), StandardCharsets.UTF_8)) {
      if (!line.startsWith("| `")) {
        continue;
      }
      Matcher m = FIELD.matcher(line.substring(0, line.indexOf(" |", 2)));
      while (m.find()) {
        fields.add(m.group(1));
      }
    }
    return fields;
  }

  /**
   * The field paths of a JSON value: {@code a.b}, {@code a[]} for an array and {@code a[].b} for
   * the fields of its objects; the keys of {@code anomalies} are data, written as placeholders.
   */
  private static void paths(JsonNode node, String path, Set<String> out) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        String key =
            path.equals("anomalies")
                ? "<input>"
                : path.equals("anomalies.<input>") ? "<anomaly ID>" : f.getKey();
        paths(f.getValue(), path.isEmpty() ? key : path + "." + key, out);
      }
    } else if (node.isArray()) {
      out.add(path + "[]");
      for (JsonNode e : node) {
        if (e.isObject()) {
          paths(e, path + "[]", out);
        }
      }
    } else {
      out.add(path);
    }
  }

  private static String lab(String scenario, String file) {
    return Cli.root().resolve("lab").resolve(scenario).resolve(file).toString();
  }

  @Test
  void output_has_exactly_the_documented_fields() throws IOException {
    List<String> args = new ArrayList<>(List.of("analyze", "--format", "json"));
    args.add(lab("one-way-audio", "nat1-lan.pcapng"));
    args.add(lab("one-way-audio", "nat1-wan.pcapng"));
    args.add(lab("toll-fraud-scan", "pbx.pcapng"));
    args.add(HostileCapture.write(dir.resolve("hostile.pcap")).toString());
    args.add(dir.resolve("missing.pcap").toString());
    Cli cli = Cli.run(args.toArray(String[]::new));
    assertEquals(ExitCode.UNREADABLE_INPUT, cli.exitCode(), cli.err());
    JsonNode doc = cli.json();
    Set<String> seen = new TreeSet<>();
    paths(doc, "", seen);
    Set<String> documented = documented();
    assertTrue(documented.size() > 60, "read the tables of docs/json.md: " + documented);
    Set<String> undocumented = new TreeSet<>(seen);
    undocumented.removeAll(documented);
    Set<String> absent = new TreeSet<>(documented);
    absent.removeAll(seen);
    assertEquals(Set.of(), undocumented, "fields in the output that docs/json.md lacks");
    assertEquals(Set.of(), absent, "fields of docs/json.md that the output lacks");
  }

  @Test
  void findings_name_their_call_and_severity_as_documented() {
    Cli cli =
        Cli.run(
            "analyze", "--format", "json",
            lab("sdp-rejected-488", "pbx.pcapng"), lab("toll-fraud-scan", "pbx.pcapng"));
    List<String> seen = new ArrayList<>();
    for (JsonNode f : cli.json().get("findings")) {
      assertTrue(Set.of("error", "warning", "info").contains(f.get("severity").asText()));
      JsonNode callId = f.get("callId");
      if (f.get("callIds").isEmpty()) {
        assertTrue(callId.isNull(), f.toString());
      } else {
        assertEquals(f.get("callIds").get(0).asText(), callId.asText());
      }
      seen.add(f.get("id").asText() + " " + callId.asText());
    }
    // both are errors here (the scan got a registration through): the earlier one comes first
    assertEquals(List.of("TOLL_FRAUD_SCAN null", "SDP_REJECTED_488 4e65b67dd42a09fb"), seen);
  }

  @Test
  void calls_and_streams_are_those_of_the_calls_and_streams_commands() {
    String[] inputs = {
      lab("one-way-audio", "nat1-lan.pcapng"),
      lab("one-way-audio", "nat1-wan.pcapng"),
      lab("one-way-audio", "pbx.pcapng")
    };
    JsonNode analyze = Cli.run(concat(new String[] {"analyze", "--format", "json"}, inputs)).json();
    JsonNode calls = Cli.run(concat(new String[] {"calls", "--format", "json"}, inputs)).json();
    JsonNode streams = Cli.run(concat(new String[] {"streams", "--format", "json"}, inputs)).json();
    assertEquals(1, analyze.get("calls").size());
    assertEquals(calls.get("calls"), analyze.get("calls"));
    assertEquals(3, analyze.get("streams").size());
    assertEquals(streams.get("streams"), analyze.get("streams"));
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
