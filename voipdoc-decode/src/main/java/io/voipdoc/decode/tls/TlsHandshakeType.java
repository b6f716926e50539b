package io.voipdoc.decode.tls;

import org.jspecify.annotations.Nullable;

/** Handshake message types (IANA "TLS HandshakeType" registry; RFC 8446 §4, RFC 6347 §4.3.2). */
public enum TlsHandshakeType {
  HELLO_REQUEST(0, "hello_request"),
  CLIENT_HELLO(1, "client_hello"),
  SERVER_HELLO(2, "server_hello"),
  HELLO_VERIFY_REQUEST(3, "hello_verify_request"),
  NEW_SESSION_TICKET(4, "new_session_ticket"),
  END_OF_EARLY_DATA(5, "end_of_early_data"),
  ENCRYPTED_EXTENSIONS(8, "encrypted_extensions"),
  CERTIFICATE(11, "certificate"),
  SERVER_KEY_EXCHANGE(12, "server_key_exchange"),
  CERTIFICATE_REQUEST(13, "certificate_request"),
  SERVER_HELLO_DONE(14, "server_hello_done"),
  CERTIFICATE_VERIFY(15, "certificate_verify"),
  CLIENT_KEY_EXCHANGE(16, "client_key_exchange"),
  FINISHED(20, "finished"),
  CERTIFICATE_STATUS(22, "certificate_status"),
  KEY_UPDATE(24, "key_update");

  private final int value;
  private final String ianaName;

  TlsHandshakeType(int value, String ianaName) {
    this.value = value;
    this.ianaName = ianaName;
  }

  public int value() {
    return value;
  }

  public String ianaName() {
    return ianaName;
  }

  /** The type with this value, or null when voipdoc does not name it. */
  public static @Nullable TlsHandshakeType of(int value) {
    for (TlsHandshakeType t : values()) {
      if (t.value == value) {
        return t;
      }
    }
    return null;
  }
}
