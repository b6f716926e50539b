package io.voipdoc.decode.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Look-ups over an attribute list, shared by session and media level. */
final class Attributes {
  private Attributes() {}

  static boolean has(List<Attribute> list, String name) {
    for (Attribute a : list) {
      if (a.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** The value of the first attribute with this name ("" for a property), or null. */
  static @Nullable String first(List<Attribute> list, String name) {
    for (Attribute a : list) {
      if (a.name().equals(name)) {
        String v = a.value();
        return v == null ? "" : v;
      }
    }
    return null;
  }

  /** The values of every attribute with this name, in order. */
  static List<String> all(List<Attribute> list, String name) {
    List<String> out = new ArrayList<>(1);
    for (Attribute a : list) {
      if (a.name().equals(name)) {
        String v = a.value();
        out.add(v == null ? "" : v);
      }
    }
    return out;
  }

  /** Every attribute with this name that parses, in order. */
  static <T> List<T> parsed(
      List<Attribute> list, String name, Function<String, @Nullable T> parser) {
    List<T> out = new ArrayList<>(1);
    for (String v : all(list, name)) {
      T t = parser.apply(v);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /** The last direction attribute (a later one overrides an earlier one), or null. */
  static @Nullable Direction direction(List<Attribute> list) {
    Direction d = null;
    for (Attribute a : list) {
      Direction x = a.value() == null ? Direction.of(a.name()) : null;
      if (x != null) {
        d = x;
      }
    }
    return d;
  }

  /** A decimal attribute such as ptime, or -1. */
  static int number(List<Attribute> list, String name) {
    String v = first(list, name);
    return v == null ? -1 : (int) Fields.decimal(v.strip(), Integer.MAX_VALUE);
  }
}
