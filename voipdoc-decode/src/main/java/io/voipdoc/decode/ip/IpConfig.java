package io.voipdoc.decode.ip;

/**
 * Limits of the IP header decoders.
 *
 * <table>
 *   <caption>Limits and defaults</caption>
 *   <tr><th>limit</th><th>default</th><th>why</th></tr>
 *   <tr><td>{@code maxExtensionHeaders}</td><td>{@value #DEFAULT_MAX_EXTENSION_HEADERS}</td>
 *       <td>IPv6 extension headers walked per packet; RFC 8200 §4.1 expects each at most once
 *       (destination options twice), so more means a hostile or broken packet</td></tr>
 * </table>
 *
 * @param maxExtensionHeaders most IPv6 extension headers walked in one packet
 */
public record IpConfig(int maxExtensionHeaders) {
  public static final int DEFAULT_MAX_EXTENSION_HEADERS = 12;

  public static final IpConfig DEFAULTS = new IpConfig(DEFAULT_MAX_EXTENSION_HEADERS);

  public IpConfig {
    if (maxExtensionHeaders < 0) {
      throw new IllegalArgumentException("maxExtensionHeaders is negative: " + maxExtensionHeaders);
    }
  }
}
