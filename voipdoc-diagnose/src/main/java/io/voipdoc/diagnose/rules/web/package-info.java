/**
 * Rules about the web channels beside SIP: the WebSocket that browser phones carry SIP in (RFC
 * 7118) and that apps use for their event channel, when the server or a reverse proxy in front of
 * it refuses or never answers the upgrade. Texts are in this package's {@code Messages} bundle.
 */
@NullMarked
package io.voipdoc.diagnose.rules.web;

import org.jspecify.annotations.NullMarked;
