package io.voipdoc.decode.link;

/**
 * Limits of the link-layer decoders.
 *
 * <table>
 *   <caption>Limits and defaults</caption>
 *   <tr><th>limit</th><th>default</th><th>why</th></tr>
 *   <tr><td>{@code maxTags}</td><td>{@value #DEFAULT_MAX_TAGS}</td>
 *       <td>VLAN tags plus MPLS labels plus pseudowire Ethernet headers per frame; real
 *       networks stack two or three, a hostile frame could stack hundreds</td></tr>
 * </table>
 *
 * @param maxTags most VLAN tags, MPLS labels and nested Ethernet headers walked in one frame
 */
public record LinkConfig(int maxTags) {
  public static final int DEFAULT_MAX_TAGS = 16;

  public static final LinkConfig DEFAULTS = new LinkConfig(DEFAULT_MAX_TAGS);

  public LinkConfig {
    if (maxTags < 1) {
      throw new IllegalArgumentException("maxTags must be positive: " + maxTags);
    }
  }
}
