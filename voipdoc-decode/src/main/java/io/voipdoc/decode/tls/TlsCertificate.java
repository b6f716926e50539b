package io.voipdoc.decode.tls;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import org.jspecify.annotations.Nullable;

/**
 * The facts of one X.509 certificate that explain TLS failures: names, issuer, validity, whether it
 * signed itself.
 *
 * @param subject subject DN (RFC 2253 form)
 * @param issuer issuer DN (RFC 2253 form)
 * @param commonName the subject's last CN, or null
 * @param dnsNames subjectAltName dNSName entries
 * @param ipAddresses subjectAltName iPAddress entries, as text
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param selfSigned subject equals issuer and the certificate's own key verifies its signature
 */
public record TlsCertificate(
    String subject,
    String issuer,
    @Nullable String commonName,
    List<String> dnsNames,
    List<String> ipAddresses,
    Instant notBefore,
    Instant notAfter,
    boolean selfSigned) {

  private static final int SAN_DNS = 2;
  private static final int SAN_IP = 7;

  /** Parses DER bytes; null when they are not a certificate the JDK can read. */
  static @Nullable TlsCertificate parse(byte[] der, int off, int len) {
    X509Certificate x;
    try {
      x =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der, off, len));
    } catch (CertificateException | RuntimeException e) {
      // the JDK parser throws runtime exceptions on some malformed DER as well
      return null;
    }
    List<String> dns = new ArrayList<>();
    List<String> ips = new ArrayList<>();
    try {
      Collection<List<?>> sans = x.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          if (san.size() >= 2 && san.get(0) instanceof Integer kind && san.get(1) instanceof String v) {
            if (kind == SAN_DNS) {
              dns.add(v);
            } else if (kind == SAN_IP) {
              ips.add(v);
            }
          }
        }
      }
    } catch (CertificateParsingException e) {
      // an undecodable SAN extension leaves the name lists empty
    }
    X500Principal subject = x.getSubjectX500Principal();
    boolean selfSigned = subject.equals(x.getIssuerX500Principal());
    if (selfSigned) {
      try {
        x.verify(x.getPublicKey());
      } catch (GeneralSecurityException | RuntimeException e) {
        selfSigned = false;
      }
    }
    return new TlsCertificate(
        subject.getName(X500Principal.RFC2253),
        x.getIssuerX500Principal().getName(X500Principal.RFC2253),
        commonName(subject.getName(X500Principal.RFC2253)),
        List.copyOf(dns),
        List.copyOf(ips),
        x.getNotBefore().toInstant(),
        x.getNotAfter().toInstant(),
        selfSigned);
  }

  private static @Nullable String commonName(String dn) {
    try {
      String cn = null;
      for (Rdn rdn : new LdapName(dn).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          cn = String.valueOf(rdn.getValue());
        }
      }
      return cn;
    } catch (InvalidNameException e) {
      return null;
    }
  }

  /** Whether {@code instant} lies within the validity period. */
  public boolean validAt(Instant instant) {
    return !instant.isBefore(notBefore) && !instant.isAfter(notAfter);
  }

  /**
   * Whether the certificate names {@code host} (e.g. the SNI): subjectAltName dNSName entries, or
   * the CN when there are none (RFC 6125 §6.4.4). A wildcard matches exactly one whole left-most
   * label ("*.example.com" matches "sip.example.com", not "example.com" nor "a.b.example.com").
   */
  public boolean matchesHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (!dnsNames.isEmpty()) {
      for (String name : dnsNames) {
        if (nameMatches(name.toLowerCase(Locale.ROOT), h)) {
          return true;
        }
      }
      return ipAddresses.contains(host);
    }
    if (ipAddresses.contains(host)) {
      return true;
    }
    return commonName != null && nameMatches(commonName.toLowerCase(Locale.ROOT), h);
  }

  private static boolean nameMatches(String pattern, String host) {
    if (pattern.startsWith("*.")) {
      int dot = host.indexOf('.');
      return dot > 0 && host.substring(dot).equals(pattern.substring(1));
    }
    return pattern.equals(host);
  }
}
