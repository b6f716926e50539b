package io.voipdoc.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.voipdoc.capture.UnreadableCaptureException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Reads the shared corpus: every row of {@code expected.tsv} (format, link types and packet count
 * as tshark and a header walk see them), and every damaged or foreign file with its documented
 * behaviour. Frame counts of the damaged files are those {@code tshark -r} prints.
 */
class CorpusTest {
  private static Path corpus = Path.of("");

  @BeforeAll
  static void locateCorpus() {
    corpus = Path.of(System.getProperty("voipdoc.shared", "../../shared"), "corpus");
    Assumptions.assumeTrue(Files.isDirectory(corpus), "shared corpus not present: " + corpus);
  }

  /** What reading a file gave. */
  record Result(String format, String linkTypes, long frames, AnomalyLog anomalies) {}

  static Result read(Path file) throws IOException, UnreadableCaptureException {
    AnomalyLog log = new AnomalyLog();
    try (CaptureReader reader = Captures.open(new CaptureInput(file.toString(), file), log)) {
      Frame f = new Frame();
      long n = 0;
      while (reader.next(f)) {
        n++;
        assertEquals(n, f.number);
      }
      String types =
          reader.linkTypes().stream().map(LinkType::name).distinct().collect(Collectors.joining(","));
      return new Result(reader.format().id(), types, n, log);
    }
  }

  @TestFactory
  Stream<DynamicTest> expectedTsv() throws IOException {
    List<String> lines = Files.readAllLines(corpus.resolve("expected.tsv"), StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split("\t"));
    int file = header.indexOf("file");
    int format = header.indexOf("format");
    int linkTypes = header.indexOf("linktypes");
    int packets = header.indexOf("packets");
    return lines.stream()
        .skip(1)
        .filter(line -> !line.isBlank())
        .map(line -> line.split("\t"))
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row[file],
                    () -> {
                      Result r = read(corpus.resolve(row[file]));
                      assertEquals(row[format], r.format());
                      assertEquals(row[linkTypes], r.linkTypes());
                      assertEquals(Long.parseLong(row[packets]), r.frames());
                      assertEquals(0, r.anomalies().total(), () -> r.anomalies().examples().toString());
                    }));
  }

  @Test
  void fileWithoutRowOpensFine() throws Exception {
    Result r = read(corpus.resolve("sip/sipnab-SIP_CALL_RTP_G711"));
    assertEquals(new Result("pcap", "ETHERNET", 4269, r.anomalies()), r); // tshark: 4269
    assertEquals(0, r.anomalies().total());
  }

  @Test
  void emptyFile() {
    assertEquals(Reason.EMPTY, unreadable("malformed/empty.pcap").reason());
  }

  @Test
  void headerOnlyFile() throws Exception {
    Result r = read(corpus.resolve("malformed/header-only.pcap"));
    assertEquals(0, r.frames());
    assertEquals("ETHERNET", r.linkTypes());
    assertEquals(0, r.anomalies().total());
  }

  @Test
  void textFile() {
    UnreadableCaptureException e = unreadable("malformed/not-a-capture.txt");
    assertEquals(Reason.NOT_A_CAPTURE, e.reason());
    assertEquals("494e564954452073", e.detail()); // "INVITE s"
  }

  /** The 2nd record's caplen was set to 0xfffffff0; tshark shows 1 frame. */
  @Test
  void absurdCaptureLength() throws Exception {
    Path file = corpus.resolve("malformed/pcap-absurd-caplen.pcap");
    Result r = read(file);
    assertEquals(1, r.frames());
    assertEquals(
        List.of(new Anomaly("pcap.record_length_impossible", file.toString(), 0, 546,
            "caplen=4294967280 max=262144")),
        r.anomalies().examples());
  }

  /** The 4th block's length was set to 0x7ffffff0; tshark shows 1 frame. */
  @Test
  void corruptBlockLength() throws Exception {
    Path file = corpus.resolve("malformed/pcapng-corrupt-block-length.pcapng");
    Result r = read(file);
    assertEquals(1, r.frames());
    assertEquals(
        List.of(new Anomaly("pcapng.block_length_corrupt", file.toString(), 0, 548,
            "type=0x6 length=2147483632")),
        r.anomalies().examples());
  }

  /** The first 150000 bytes of sip/sipnab-sip-rtp-g711.pcap; tshark shows 639 frames. */
  @Test
  void truncatedMidRecord() throws Exception {
    Path file = corpus.resolve("malformed/truncated-mid-record.pcap");
    Result r = read(file);
    assertEquals(639, r.frames());
    assertEquals(
        List.of(new Anomaly("pcap.record_truncated", file.toString(), 0, 149_841,
            "needed=230 available=159")),
        r.anomalies().examples());
  }

  /** Damaged above the capture layer: the capture itself is sound (tshark: 1 frame each). */
  @Test
  void damageAboveTheCaptureLayer() throws Exception {
    for (String name :
        List.of("malformed/zeek-icmp6-destunreach-ip6ext-trunc.pcap",
            "malformed/zeek-nflog-bad-tlv-len.pcap")) {
      Result r = read(corpus.resolve(name));
      assertEquals(1, r.frames(), name);
      assertEquals(0, r.anomalies().total(), name);
    }
    assertEquals("LINKTYPE_239", read(corpus.resolve("malformed/zeek-nflog-bad-tlv-len.pcap")).linkTypes());
  }

  @Test
  void networkMonitorFileIsNamed() {
    UnreadableCaptureException e = unreadable("formats/sipnab-c07-sip-r2-netmon2.cap");
    assertEquals(Reason.UNSUPPORTED_FORMAT, e.reason());
    assertEquals("Microsoft Network Monitor 2.x", e.detail());
  }

  /** Every file in the folders of damaged and foreign inputs has a test above. */
  @Test
  void everyDamagedOrForeignFileIsCovered() throws IOException {
    List<String> covered =
        List.of("empty.pcap", "header-only.pcap", "not-a-capture.txt", "pcap-absurd-caplen.pcap",
            "pcapng-corrupt-block-length.pcapng", "truncated-mid-record.pcap",
            "zeek-icmp6-destunreach-ip6ext-trunc.pcap", "zeek-nflog-bad-tlv-len.pcap",
            "sipnab-c07-sip-r2-netmon2.cap");
    try (Stream<Path> files =
        Stream.concat(Files.list(corpus.resolve("malformed")), Files.list(corpus.resolve("formats")))) {
      List<String> present = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(covered.stream().sorted().toList(), present);
    }
  }

  private static UnreadableCaptureException unreadable(String name) {
    Path file = corpus.resolve(name);
    UnreadableCaptureException e =
        assertThrows(UnreadableCaptureException.class, () -> read(file));
    assertEquals(file.toString(), e.input());
    return e;
  }
}
