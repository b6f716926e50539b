package io.voipdoc.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing texts of the command line, looked up by key in {@code Messages*.properties}
 * (English, German). Every text shown to a user goes through here so that it can be translated.
 */
public final class Messages {
  private final ResourceBundle bundle;
  private final Locale locale;

  public Messages(Locale locale) {
    this.locale = locale;
    this.bundle =
        ResourceBundle.getBundle(
            "io.voipdoc.cli.Messages",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The language of the texts. */
  public Locale locale() {
    return locale;
  }

  /** The text for {@code key} with {@link MessageFormat} arguments. */
  public String text(String key, Object... args) {
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  /** Whether a text exists for {@code key}. */
  public boolean has(String key) {
    try {
      bundle.getString(key);
      return true;
    } catch (MissingResourceException e) {
      return false;
    }
  }

  /** Picks the language from {@code --lang}, or else from the environment's locale. */
  public static Messages forLanguage(String lang) {
    String l = lang.isEmpty() ? Locale.getDefault().getLanguage() : lang;
    return new Messages(l.equals("de") ? Locale.GERMAN : Locale.ENGLISH);
  }
}
