package io.voipdoc.diagnose.acl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 address range in CIDR notation (RFC 4632 §3.1, RFC 4291 §2.3); a bare address is
 * a range of one ({@code /32}, {@code /128}).
 *
 * @param network the first address of the range, 4 or 16 bytes
 * @param prefix the number of leading bits that are fixed
 */
public record Cidr(byte[] network, int prefix) {
  private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  /** Why a text is not a range. */
  public enum Problem {
    /** The address part is neither IPv4 nor IPv6. */
    NOT_AN_ADDRESS,
    /** The prefix length is not a number from 0 to 32 (IPv4) or 128 (IPv6). */
    BAD_PREFIX,
    /** Bits after the prefix are set, e.g. {@code 192.168.1.5/24}. */
    HOST_BITS_SET
  }

  /** A text that is not a range, with the reason and (for host bits) the range it may mean. */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;
    private final Problem problem;
    private final String suggestion;

    Invalid(Problem problem, String text, String suggestion) {
      super(problem + ": " + text);
      this.problem = problem;
      this.suggestion = suggestion;
    }

    public Problem problem() {
      return problem;
    }

    /** The range probably meant, or empty. */
    public String suggestion() {
      return suggestion;
    }
  }

  /** Parses {@code 192.168.0.0/16}, {@code 2001:db8::/32} or a bare address. */
  public static Cidr parse(String text) throws Invalid {
    int slash = text.indexOf('/');
    String addressText = slash < 0 ? text : text.substring(0, slash);
    byte[] address = address(addressText);
    if (address == null) {
      throw new Invalid(Problem.NOT_AN_ADDRESS, text, "");
    }
    int bits = address.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String p = text.substring(slash + 1);
      if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > bits) {
        throw new Invalid(Problem.BAD_PREFIX, text, "");
      }
      prefix = Integer.parseInt(p);
    }
    byte[] network = mask(address, prefix);
    if (!Arrays.equals(network, address)) {
      throw new Invalid(Problem.HOST_BITS_SET, text, format(network, prefix));
    }
    return new Cidr(network, prefix);
  }

  /** The address bytes of an IP literal, or null; never looks a name up. */
  public static byte @Nullable [] address(String text) {
    if (IPV4.matcher(text).matches()) {
      String[] parts = text.split("\\.");
      byte[] b = new byte[4];
      for (int i = 0; i < 4; i++) {
        b[i] = (byte) Integer.parseInt(parts[i]);
      }
      return b;
    }
    if (text.indexOf(':') >= 0 && IPV6.matcher(text).matches()) {
      try {
        // a text with ':' is parsed as an IPv6 literal, never resolved
        byte[] b = InetAddress.getByName(text).getAddress();
        return b.length == 16 ? b : null;
      } catch (UnknownHostException e) {
        return null;
      }
    }
    return null;
  }

  /** Whether {@code address} (4 or 16 bytes) lies in this range. */
  public boolean contains(byte[] address) {
    return address.length == network.length && Arrays.equals(mask(address, prefix), network);
  }

  /** Whether every address of {@code other} lies in this range. */
  public boolean contains(Cidr other) {
    return other.network.length == network.length && other.prefix >= prefix && contains(other.network);
  }

  /** Whether the two ranges share at least one address. */
  public boolean overlaps(Cidr other) {
    return contains(other) || other.contains(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(network) * 31 + prefix;
  }

  @Override
  public String toString() {
    return format(network, prefix);
  }

  private static byte[] mask(byte[] address, int prefix) {
    byte[] out = address.clone();
    for (int i = 0; i < out.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      out[i] = (byte) (out[i] & (0xFF << (8 - keep)));
    }
    return out;
  }

  private static String format(byte[] network, int prefix) {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 or 16 bytes", e);
    }
  }
}
