package io.voipdoc.diagnose;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts of findings in one language, from the bundle of the rule's area: {@code <ID>.title},
 * {@code <ID>.evidence.<key>}, {@code <ID>.advice.<key>}, with the raw values as arguments.
 */
public final class FindingText {
  private final Locale locale;

  public FindingText(Locale locale) {
    this.locale = locale;
  }

  public String title(Finding f) {
    return text(f, f.id() + ".title", f.titleArgs().toArray());
  }

  public String evidence(Finding f, Evidence e) {
    return text(f, f.id() + ".evidence." + e.key(), e.args().toArray());
  }

  public String advice(Finding f, Advice a) {
    return text(f, f.id() + ".advice." + a.key(), a.args().toArray());
  }

  private String text(Finding f, String key, Object[] args) {
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            f.bundle(),
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    try {
      return new MessageFormat(bundle.getString(key), locale).format(args);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("no text " + key + " in " + f.bundle(), e);
    }
  }
}
