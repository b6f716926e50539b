package io.voipdoc.capture;

/**
 * Damage found in a pcapng file (draft-ietf-opsawg-pcapng). The offset of each anomaly is that of
 * the block it was found in; the frame is 0 except where noted, as damaged packets get no number.
 *
 * <table>
 *   <caption>IDs</caption>
 *   <tr><th>id</th><th>meaning</th><th>detail</th><th>then</th></tr>
 *   <tr><td>{@code pcapng.block_length_corrupt}</td>
 *       <td>a block total length below 12, not a multiple of 4, above
 *       {@link CaptureConfig#maxPcapngBlockLength()}, or different from its trailing copy</td>
 *       <td>{@code type=0x<t> length=<n>} and, for a mismatch, {@code trailing=<n>}</td>
 *       <td>reading stops; scanning for the next block could take packet bytes for a block</td></tr>
 *   <tr><td>{@code pcapng.block_truncated}</td>
 *       <td>the input ends inside a block</td>
 *       <td>{@code type=0x<t> length=<n> available=<bytes left>}</td>
 *       <td>end of input</td></tr>
 *   <tr><td>{@code pcapng.block_too_short}</td>
 *       <td>a block too short for the fixed fields of its type</td>
 *       <td>{@code type=0x<t> length=<n> minimum=<m>}</td>
 *       <td>the block is skipped (a section header: reading stops); Wireshark stops at such a
       block, so frame numbers after it may differ from Wireshark's</td></tr>
 *   <tr><td>{@code pcapng.block_too_large}</td>
 *       <td>a packet or interface block longer than the read buffer
 *       ({@link CaptureConfig#readBufferBytes()})</td>
 *       <td>{@code type=0x<t> length=<n> buffer=<m>}</td>
 *       <td>a packet is skipped but keeps its frame number (the anomaly's frame); an interface is
       defined from the part that fits</td></tr>
 *   <tr><td>{@code pcapng.byte_order_magic_invalid}</td>
 *       <td>a section header whose byte-order magic is neither 0x1A2B3C4D nor its swap</td>
 *       <td>{@code magic=0x<m>}</td>
 *       <td>reading stops</td></tr>
 *   <tr><td>{@code pcapng.section_version_unsupported}</td>
 *       <td>a section header with a major version other than 1</td>
 *       <td>{@code major=<n> minor=<m>}</td>
 *       <td>reading stops: the layout of later versions is unknown</td></tr>
 *   <tr><td>{@code pcapng.packet_length_exceeds_block}</td>
 *       <td>a packet's captured length does not fit in its block</td>
 *       <td>{@code caplen=<n> room=<m>}</td>
 *       <td>the packet is skipped</td></tr>
 *   <tr><td>{@code pcapng.interface_undefined}</td>
 *       <td>a packet names an interface that its section has not described</td>
 *       <td>{@code interface=<id> defined=<count>}</td>
 *       <td>the packet is skipped</td></tr>
 *   <tr><td>{@code pcapng.interface_limit_exceeded}</td>
 *       <td>a section describes more than {@link CaptureConfig#maxInterfacesPerSection()}
 *       interfaces</td>
 *       <td>{@code interfaces=<n> max=<m>}</td>
 *       <td>the interface is not kept; its packets are {@code pcapng.interface_undefined}</td></tr>
 *   <tr><td>{@code pcapng.option_length_corrupt}</td>
 *       <td>an option of an interface description runs past the end of the block</td>
 *       <td>{@code code=<c> length=<n> room=<m>}</td>
 *       <td>the remaining options of the block are ignored</td></tr>
 * </table>
 */
public enum PcapngProblem {
  BLOCK_LENGTH_CORRUPT("pcapng.block_length_corrupt"),
  BLOCK_TRUNCATED("pcapng.block_truncated"),
  BLOCK_TOO_SHORT("pcapng.block_too_short"),
  BLOCK_TOO_LARGE("pcapng.block_too_large"),
  BYTE_ORDER_MAGIC_INVALID("pcapng.byte_order_magic_invalid"),
  SECTION_VERSION_UNSUPPORTED("pcapng.section_version_unsupported"),
  PACKET_LENGTH_EXCEEDS_BLOCK("pcapng.packet_length_exceeds_block"),
  INTERFACE_UNDEFINED("pcapng.interface_undefined"),
  INTERFACE_LIMIT_EXCEEDED("pcapng.interface_limit_exceeded"),
  OPTION_LENGTH_CORRUPT("pcapng.option_length_corrupt");

  private final String id;

  PcapngProblem(String id) {
    this.id = id;
  }

  /** The stable ID, {@code pcapng.<snake_case>}. */
  public String id() {
    return id;
  }
}
