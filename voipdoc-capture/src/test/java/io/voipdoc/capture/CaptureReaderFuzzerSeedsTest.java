package io.voipdoc.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.testkit.CaptureBuilder;
import io.voipdoc.testkit.Packets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The recipes of the fuzzer's committed seeds. The test fails when a committed seed differs from
 * its recipe; {@code -Dvoipdoc.updateSeeds=true} rewrites them.
 */
class CaptureReaderFuzzerSeedsTest {
  private static final Path SEEDS =
      Path.of("src/test/resources/io/voipdoc/capture/CaptureReaderFuzzerInputs/openAndRead");

  private static final byte[] UDP =
      Packets.ethernet(
          Packets.ipv4("192.0.2.1", "192.0.2.2", 17, Packets.udp(5060, 5060, Packets.text("OPTIONS"))));
  private static final long T = 1_700_000_000_123_456_789L;

  static Map<String, byte[]> seeds() throws IOException {
    Map<String, byte[]> seeds = new LinkedHashMap<>();
    seeds.put("pcap-le-us", CaptureBuilder.inMemory(out ->
        CaptureBuilder.pcap(out, LinkType.ETHERNET).packet(T, UDP).packet(T + 1, UDP)));
    seeds.put("pcap-be-ns-snaplen", CaptureBuilder.inMemory(out ->
        CaptureBuilder.pcap(out, LinkType.RAW, ByteOrder.BIG_ENDIAN, true, 30)
            .packet(0, T, UDP, 30, UDP.length)));
    ByteBuffer modified = ByteBuffer.allocate(24 + 24 + UDP.length).order(ByteOrder.LITTLE_ENDIAN);
    modified.putInt(0xa1b2cd34).putShort((short) 2).putShort((short) 4).putLong(0)
        .putInt(65535).putInt(1).putInt(1_700_000_000).putInt(5).putInt(UDP.length)
        .putInt(UDP.length).putInt(1).putInt(0).put(UDP);
    seeds.put("pcap-modified", modified.array());
    seeds.put("pcapng-le-blocks", CaptureBuilder.inMemory(out ->
        CaptureBuilder.pcapng(out, ByteOrder.LITTLE_ENDIAN)
            .iface(LinkType.ETHERNET, 64, 0x80 | 20, 3600)
            .block(4, new byte[] {1, 0, 4, 0, 10, 0, 0, 1, 0, 0, 0, 0})
            .packetAtTicks(0, 12345, UDP, UDP.length, UDP.length)
            .simplePacket(UDP, 1500)
            .obsoletePacket(0, 7, UDP, 20, UDP.length)
            .block(5, new byte[16])
            .block(9, Packets.text("MESSAGE=x\n"))
            .block(0xBAD, new byte[700])));
    seeds.put("pcapng-two-sections", PcapngReaderTest.concat(
        CaptureBuilder.inMemory(out ->
            CaptureBuilder.pcapng(out, ByteOrder.BIG_ENDIAN).iface(LinkType.RAW, 9).iface(1, 6)
                .packet(1, T, UDP, UDP.length, UDP.length)),
        CaptureBuilder.inMemory(out ->
            CaptureBuilder.pcapng(out, ByteOrder.LITTLE_ENDIAN).iface(LinkType.LINUX_SLL, 0, 9, -1)
                .packet(0, T, UDP, UDP.length, UDP.length))));
    seeds.put("pcap-gzip", CapturesTest.gzip(seeds.get("pcap-le-us")));
    byte[] cut = seeds.get("pcapng-le-blocks");
    seeds.put("pcapng-cut", Arrays.copyOf(cut, cut.length - 100));
    seeds.put("netmon2", new byte[] {'G', 'M', 'B', 'U', 0, 2});
    return seeds;
  }

  @Test
  void committedSeedsMatchTheirRecipes() throws IOException {
    boolean update = Boolean.getBoolean("voipdoc.updateSeeds");
    if (update) {
      Files.createDirectories(SEEDS);
    }
    for (Map.Entry<String, byte[]> seed : seeds().entrySet()) {
      Path file = SEEDS.resolve(seed.getKey());
      if (update) {
        Files.write(file, seed.getValue());
      }
      assertTrue(Files.isRegularFile(file), "missing seed " + file);
      assertArrayEquals(seed.getValue(), Files.readAllBytes(file), seed.getKey());
    }
  }
}
