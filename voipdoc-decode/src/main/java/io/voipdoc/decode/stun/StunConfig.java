package io.voipdoc.decode.stun;

/**
 * Limits of the STUN decoder.
 *
 * <table>
 *   <caption>Limits and defaults</caption>
 *   <tr><th>limit</th><th>default</th><th>why</th></tr>
 *   <tr><td>{@code maxAttributes}</td><td>{@value #DEFAULT_MAX_ATTRIBUTES}</td>
 *       <td>attributes indexed per message; real messages carry fewer than 15, and the index is
 *       the only allocation that grows with the message</td></tr>
 * </table>
 *
 * @param maxAttributes how many attributes of one message are indexed; later ones are reported as
 *     {@link StunProblem#TOO_MANY_ATTRIBUTES}
 */
public record StunConfig(int maxAttributes) {
  /** Default for {@link #maxAttributes()}. */
  public static final int DEFAULT_MAX_ATTRIBUTES = 64;

  /** The defaults. */
  public static final StunConfig DEFAULTS = new StunConfig(DEFAULT_MAX_ATTRIBUTES);

  public StunConfig {
    if (maxAttributes < 1) {
      throw new IllegalArgumentException("maxAttributes must be positive: " + maxAttributes);
    }
  }
}
