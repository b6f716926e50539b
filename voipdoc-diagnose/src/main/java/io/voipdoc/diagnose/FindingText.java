package io.voipdoc.diagnose;

import java.math.RoundingMode;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts of findings in one language, from the bundle of the rule's area: {@code <ID>.title}
 * (or {@code <ID>.title.<variant>} where the finding asks for another of its rule's titles),
 * {@code <ID>.evidence.<key>}, {@code <ID>.advice.<key>}, with the raw values as arguments: a
 * {@link Term} becomes its word {@code <ID>.term.<key>}, a decimal number is written with one
 * decimal in the language's way (31.5 in English, 31,5 in German).
 */
public final class FindingText {
  private final Locale locale;

  public FindingText(Locale locale) {
    this.locale = locale;
  }

  public String title(Finding f) {
    String key = f.titleVariant() == null ? f.id() + ".title" : f.id() + ".title." + f.titleVariant();
    return text(f, key, f.titleValues().toArray());
  }

  public String evidence(Finding f, Evidence e) {
    return text(f, f.id() + ".evidence." + e.key(), e.values().toArray());
  }

  public String advice(Finding f, Advice a) {
    return text(f, f.id() + ".advice." + a.key(), a.values().toArray());
  }

  private ResourceBundle bundle(Finding f) {
    return ResourceBundle.getBundle(
        f.bundle(),
        locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private String text(Finding f, String key, Object[] args) {
    ResourceBundle bundle = bundle(f);
    Object[] shown = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof Term t) {
        // formatted as every text is, so that apostrophes are written alike in all keys
        shown[i] = new MessageFormat(string(f, bundle, f.id() + ".term." + t.key()), locale)
            .format(new Object[0]);
      } else if (args[i] instanceof Double d) {
        shown[i] = decimal(d);
      } else {
        shown[i] = args[i];
      }
    }
    return new MessageFormat(string(f, bundle, key), locale).format(shown);
  }

  private static String string(Finding f, ResourceBundle bundle, String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("no text " + key + " in " + f.bundle(), e);
    }
  }

  /** One decimal and no grouping, as the rules measured it; only the decimal mark differs. */
  private String decimal(double d) {
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMinimumFractionDigits(1);
    format.setMaximumFractionDigits(1);
    format.setRoundingMode(RoundingMode.HALF_UP);
    format.setGroupingUsed(false);
    return format.format(d);
  }
}
